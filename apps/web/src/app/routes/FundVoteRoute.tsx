import { Loading } from '../../components/ui/QueryState';
import { OnlineVotePage } from '../../features/funds/online-vote/OnlineVotePage';
import { useFundsTexts } from '../../features/funds/texts';

/** A fund's online vote (/fonds/:id/abstimmung), with the funds texts (funds.vote.*). */
export function FundVoteRoute() {
  return useFundsTexts() ? <OnlineVotePage /> : <Loading />;
}
