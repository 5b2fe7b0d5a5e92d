import { Role } from '@app/shared';
import type { FundOnlineVote } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatCents } from '../../../components/budget/money';
import { Alert } from '../../../components/ui/Alert';
import { Page } from '../../../components/ui/Page';
import { QueryState } from '../../../components/ui/QueryState';
import { withReturnTo } from '../../../lib/return-path';
import { useSession } from '../../../lib/session';
import { useFund, useOnlineVote } from './api';
import { BallotForm } from './BallotForm';
import { formatMoment } from './format';
import { OpenVoteForm, StaffPanel } from './StaffPanel';
import { VoteResult } from './VoteResult';
import './online-vote.css';

/**
 * A fund's online vote (/fonds/:id/abstimmung): period, kind, budget and ballots so far; the ballot
 * while it runs; the result after the end. The area's staff open it, print voting codes, end it and
 * confirm the result (the server checks the area).
 */
export function OnlineVotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const fund = useFund(id);
  const vote = useOnlineVote(id);
  const { user } = useSession();
  const staff = user?.role === Role.Administrator || user?.role === Role.Moderator;
  const title = fund.data ? t('funds.vote.titleOf', { fund: fund.data.title }) : t('funds.vote.title');
  return (
    <Page title={title}>
      <QueryState query={vote}>
        {(data) =>
          data ? (
            <VoteView vote={data} staff={staff} />
          ) : (
            <>
              <Alert variant="info" title={t('funds.vote.none')} />
              {staff ? <OpenVoteForm fundId={id} /> : null}
            </>
          )
        }
      </QueryState>
      <p className="kern-body section">
        <Link className="kern-link" to={`/fonds/${id}`}>
          {t('funds.vote.backToFund')}
        </Link>
      </p>
    </Page>
  );
}

function VoteView({ vote, staff }: { vote: FundOnlineVote; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const when = { start: formatMoment(vote.startsAt, i18n.language), end: formatMoment(vote.endsAt, i18n.language) };
  return (
    <>
      <dl className="fund-vote-facts">
        <div>
          <dt>{t('funds.vote.period')}</dt>
          <dd>
            {t('funds.vote.periodValue', when)} ({t(`funds.vote.status.${vote.status}`)})
          </dd>
        </div>
        <div>
          <dt>{t('funds.vote.budget')}</dt>
          <dd>{formatCents(vote.budgetCents, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('funds.vote.ballots')}</dt>
          <dd>{vote.ballotCount}</dd>
        </div>
      </dl>
      <p className="kern-body">{t(vote.binding ? 'funds.vote.binding' : 'funds.vote.consultative')}</p>
      {vote.status === 'upcoming' ? <Alert variant="info" title={t('funds.vote.notYet', when)} /> : null}
      {vote.status === 'open' ? (
        vote.voted ? (
          <Alert variant="success" title={t('funds.vote.ballot.already')} />
        ) : !vote.binding && !user ? (
          <Alert variant="info" title={t('funds.vote.ballot.signIn')}>
            <p className="kern-body">
              <Link className="kern-link" to={withReturnTo('/login', location.pathname + location.search)}>
                {t('funds.vote.ballot.signInLink')}
              </Link>
            </p>
          </Alert>
        ) : (
          <BallotForm vote={vote} />
        )
      ) : null}
      {vote.result ? <VoteResult vote={vote} result={vote.result} /> : null}
      {staff ? <StaffPanel vote={vote} /> : null}
    </>
  );
}
