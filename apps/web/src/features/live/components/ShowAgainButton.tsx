import { VotingRoundStatus, type LiveRound } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ActionError, useLiveAction } from './common';
import { useConsole } from './console/ConsoleContext';

/**
 * A published result gives way on the hall screen when the next item or speaker starts; this puts it
 * back. While the screen shows the round, the console says so instead.
 */
export function ShowAgainButton({ round }: { round: LiveRound }) {
  const { live, state, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  if (round.status !== VotingRoundStatus.Published) return null;
  if (state.onScreenRoundId === round.id) return <p className="kern-body kern-body--small">{t('live.console.voting.onScreen')}</p>;
  return (
    <>
      <Button
        small
        variant="secondary"
        icon="visibility"
        busy={action.busy}
        onClick={() =>
          void action.run(
            () => live.send('round:show', { roundId: round.id }),
            () => announce(t('live.console.voting.shownAgain', { question: round.question })),
          )
        }
      >
        {t('live.console.voting.showAgain')}
        <span className="live-sr-only">: {round.question}</span>
      </Button>
      <ActionError action={action} />
    </>
  );
}
