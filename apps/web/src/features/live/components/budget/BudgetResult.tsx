import { ORIGINAL_LANGUAGE, type BudgetLine, type Language, type LiveRound, type RoundResult } from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registerTextSet, useTextSet } from '../../../../lib/text-sets';
import { optionShown, Second, Typed, type SecondLanguage } from '../typed-text';
import { formatCents } from '../../../../components/budget/money';
import '../../../../components/budget/budget.css';

// The full result's texts (`live.budget.*` beyond the phone's summary): their file list stays in this chunk.
registerTextSet('budget', import.meta.glob<Record<string, unknown>>('../../../../locales/budget.*.json', { import: 'default' }));

/**
 * A budget round's allocation: the budget bar (the funded items stacked, then what is left), the
 * funded and the unfunded items with amount, votes and why, the ties and how they were broken, and
 * whether the moderators confirmed it. On the projector (`large`) the lists stand side by side and the
 * type is sized to the screen, so twenty items still fit without scrolling.
 */
export function BudgetResult({
  round,
  result,
  large = false,
  language = ORIGINAL_LANGUAGE,
  second = null,
  headingLevel = 3,
}: {
  round: LiveRound;
  result: RoundResult;
  large?: boolean;
  language?: Language;
  second?: SecondLanguage | null;
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const { t, i18n } = useTranslation();
  // Its texts are a set of their own (lib/text-sets.ts), kept out of every page's first load.
  const textsReady = useTextSet('budget');
  const budget = result.budget;
  if (!budget || !textsReady) return null;
  const money = (cents: number) => formatCents(cents, i18n.language);
  const Heading = `h${headingLevel}` as 'h3';
  const both = (key: string, values?: Record<string, unknown>): ReactNode => (
    <>
      {t(key, values)}
      {second ? <Second second={second}>{second.t(key, values)}</Second> : null}
    </>
  );
  const label = (line: BudgetLine) => {
    const option = { optionId: line.optionId, label: line.label };
    return <Typed text={optionShown(t, round, option, language)} />;
  };
  const funded = budget.lines.filter((l) => l.funded);
  const unfunded = budget.lines.filter((l) => !l.funded);
  const byId = new Map(budget.lines.map((l) => [l.optionId, l]));
  const share = (cents: number) => (budget.budgetCents > 0 ? (cents / budget.budgetCents) * 100 : 0);
  const summary = t('live.budget.barLabel', {
    budgetCents: money(budget.budgetCents),
    allocatedCents: money(budget.allocatedCents),
    remainingCents: money(budget.remainingCents),
  });
  const row = (line: BudgetLine) => (
    <li key={line.optionId} className="live-budget__row">
      <span className="live-budget__rank">{line.rank}.</span>
      <span className="live-budget__name">{label(line)}</span>
      <span className="live-budget__amount">{money(line.amountCents)}</span>
      <span className="live-budget__votes">{t('live.budget.votes', { count: line.votes })}</span>
      {line.funded ? null : <span className="live-budget__why">{t(`live.budget.outcomes.${line.outcome}`)}</span>}
    </li>
  );
  return (
    <div
      className={['live-budget', large && 'live-budget--large', large && budget.lines.length > 8 && 'live-budget--many']
        .filter(Boolean)
        .join(' ')}
    >
      <div className="live-budget__bar" role="img" aria-label={summary}>
        {funded.map((line, index) => (
          <span
            key={line.optionId}
            className={`live-budget__segment live-budget__segment--${index % 2 ? 'even' : 'odd'}`}
            style={{ width: `${share(line.amountCents)}%` }}
            aria-hidden="true"
          >
            <span className="live-budget__segment-text">{line.rank}</span>
          </span>
        ))}
        {budget.remainingCents > 0 ? (
          <span
            className="live-budget__segment live-budget__segment--left"
            style={{ width: `${share(budget.remainingCents)}%` }}
            aria-hidden="true"
          />
        ) : null}
      </div>
      <p className="live-budget__summary">
        {both('live.budget.allocated', { allocatedCents: money(budget.allocatedCents), budgetCents: money(budget.budgetCents) })}
        {' · '}
        <strong>{both('live.budget.remaining', { remainingCents: money(budget.remainingCents) })}</strong>
      </p>
      <div className="live-budget__lists">
        <section className="live-budget__list" aria-labelledby={`budget-funded-${round.id}`}>
          <Heading className="live-budget__heading" id={`budget-funded-${round.id}`}>
            {both('live.budget.funded', { count: funded.length })}
          </Heading>
          {funded.length ? <ol className="live-budget__items">{funded.map(row)}</ol> : <p>{t('live.budget.noneFunded')}</p>}
        </section>
        <section className="live-budget__list" aria-labelledby={`budget-unfunded-${round.id}`}>
          <Heading className="live-budget__heading" id={`budget-unfunded-${round.id}`}>
            {both('live.budget.unfunded', { count: unfunded.length })}
          </Heading>
          {unfunded.length ? <ol className="live-budget__items">{unfunded.map(row)}</ol> : <p>{t('live.budget.noneUnfunded')}</p>}
        </section>
      </div>
      {budget.ties.length ? (
        <ul className="live-budget__ties">
          {budget.ties.map((tie) => (
            <li key={`${tie.aboveId}-${tie.belowId}`}>
              {t('live.budget.tie', {
                votes: tie.votes,
                above: byId.get(tie.aboveId)?.label ?? tie.aboveId,
                below: byId.get(tie.belowId)?.label ?? tie.belowId,
                rule: t(`live.budget.tieBreak.${tie.decidedBy}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="live-budget__status">{both(round.allocation ? 'live.budget.confirmed' : 'live.budget.notConfirmed')}</p>
    </div>
  );
}
