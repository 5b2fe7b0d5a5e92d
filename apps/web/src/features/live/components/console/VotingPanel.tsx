import { useTranslation } from 'react-i18next';
import { useConsole } from './ConsoleContext';
import { CreateRoundForm } from './CreateRoundForm';
import { Panel } from './Panel';
import { RoundCard } from './RoundCard';

/**
 * Voting: every round of the assembly with its tally, newest (the open one) first and in sight, and
 * beside it (below it on narrow screens) the form for a new round.
 */
export function VotingPanel() {
  const { moderator } = useConsole();
  const { t } = useTranslation();
  return (
    <Panel id="console-voting" title={t('live.console.voting.heading')} wide>
      <div className="live-voting">
        <div className="live-voting__rounds">
          <h3 className="kern-heading-x-small">{t('live.console.voting.rounds', { count: moderator.rounds.length })}</h3>
          {moderator.rounds.length === 0 ? <p className="kern-body">{t('live.console.voting.none')}</p> : null}
          {moderator.rounds.map((round) => (
            <RoundCard key={round.id} round={round} />
          ))}
        </div>
        <CreateRoundForm />
      </div>
    </Panel>
  );
}
