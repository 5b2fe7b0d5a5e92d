import { useTranslation } from 'react-i18next';
import { useConsole } from './ConsoleContext';
import { CreateRoundForm } from './CreateRoundForm';
import { Panel } from './Panel';
import { RoundCard } from './RoundCard';

/** Voting: a new round, and every round of the assembly with its tally, newest first. */
export function VotingPanel() {
  const { moderator } = useConsole();
  const { t } = useTranslation();
  return (
    <Panel id="console-voting" title={t('live.console.voting.heading')} wide>
      <CreateRoundForm />
      <h3 className="kern-heading-x-small">{t('live.console.voting.rounds', { count: moderator.rounds.length })}</h3>
      {moderator.rounds.length === 0 ? <p className="kern-body">{t('live.console.voting.none')}</p> : null}
      {moderator.rounds.map((round) => (
        <RoundCard key={round.id} round={round} />
      ))}
    </Panel>
  );
}
