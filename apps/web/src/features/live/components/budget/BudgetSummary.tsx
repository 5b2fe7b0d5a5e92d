import type { LiveRound, RoundResult } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../../components/budget/money';
import '../../../../components/budget/budget.css';

/**
 * The phone's reading of a budget result, under the results table: each item in ranking order with
 * its amount and what became of it, the money allocated and left. (The projector and the console show
 * the budget bar as well: BudgetResult, kept out of the phone's first load.)
 */
export function BudgetSummary({ round, result }: { round: LiveRound; result: RoundResult }) {
  const { t, i18n } = useTranslation();
  const budget = result.budget;
  if (!budget) return null;
  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <div className="live-budget" aria-labelledby={`budget-summary-${round.id}`}>
      <h3 className="kern-heading-x-small" id={`budget-summary-${round.id}`}>
        {t('live.budget.allocated', { allocatedCents: money(budget.allocatedCents), budgetCents: money(budget.budgetCents) })} ·{' '}
        {t('live.budget.remaining', { remainingCents: money(budget.remainingCents) })}
      </h3>
      <ol className="live-budget__items">
        {budget.lines.map((line) => (
          <li key={line.optionId} className="live-budget__row">
            <span className="live-budget__rank">{line.rank}.</span>
            <span className="live-budget__name">{line.label}</span>
            <span className="live-budget__amount">{money(line.amountCents)}</span>
            <span className="live-budget__votes">{t(`live.budget.outcomes.${line.outcome}`)}</span>
          </li>
        ))}
      </ol>
      <p className="kern-body kern-body--small">{t(round.allocation ? 'live.budget.confirmed' : 'live.budget.notConfirmed')}</p>
    </div>
  );
}
