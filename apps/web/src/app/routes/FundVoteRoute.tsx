import { Loading } from '../../components/ui/QueryState';
import { OnlineVotePage } from '../../features/funds/online-vote/OnlineVotePage';
import { useTextSet } from '../../lib/text-sets';

/** A fund's online vote (/fonds/:id/abstimmung), with its own text set. */
export function FundVoteRoute() {
  return useTextSet('funds-vote') ? <OnlineVotePage /> : <Loading />;
}
