import type { FundOnlineVote, OnlineVoteResult } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../components/budget/money';
import '../../../components/budget/budget.css';

/**
 * The result after the end, read by the fund's rule like the live reading: the ranking with amount,
 * votes and what became of each application, the money given and left, and every tie with the rule
 * that decided it.
 */
export function VoteResult({ vote, result }: { vote: FundOnlineVote; result: OnlineVoteResult }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatCents(cents, i18n.language);
  const titles = new Map(vote.items.map((i) => [i.applicationId, i.title]));
  return (
    <section className="section live-budget" aria-labelledby="fund-vote-result">
      <h2 className="kern-heading-medium" id="fund-vote-result">
        {t('funds.vote.result.title')}
      </h2>
      <p className="kern-body">
        {t('funds.vote.result.allocated', {
          allocated: money(result.allocatedCents),
          budget: money(vote.budgetCents),
          remaining: money(result.remainingCents),
        })}
      </p>
      <ol className="live-budget__items">
        {result.lines.map((line) => (
          <li key={line.applicationId} className="live-budget__row">
            <span className="live-budget__rank">{line.rank}.</span>
            <span className="live-budget__name">{line.title}</span>
            <span className="live-budget__amount">{money(line.amountCents)}</span>
            <span className="live-budget__votes">
              {t('funds.vote.result.votes', { count: line.votes })} · {t(`funds.vote.result.outcomes.${line.outcome}`)}
            </span>
          </li>
        ))}
      </ol>
      {result.ties.length ? (
        <ul className="kern-list kern-list--bullet">
          {result.ties.map((tie) => (
            <li key={`${tie.aboveId}-${tie.belowId}`} className="kern-body">
              {t('funds.vote.result.tie', {
                votes: tie.votes,
                above: titles.get(tie.aboveId) ?? '',
                below: titles.get(tie.belowId) ?? '',
                rule: t(`funds.vote.result.tieRules.${tie.decidedBy}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="kern-body kern-body--small">{t(vote.confirmedAt ? 'funds.vote.result.confirmed' : 'funds.vote.result.notConfirmed')}</p>
    </section>
  );
}
