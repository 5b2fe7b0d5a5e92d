import { VotingRoundStatus, type LiveRound } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { formatCents } from '../../../../components/budget/money';
import { ActionError, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';

/**
 * "Zuteilung bestätigen" for a closed budget round: asks once more (the confirmation is final and may
 * approve applications), then sends round:confirm-allocation. An error of the server or of the
 * connected fund (e.g. not enough money left) is shown as it comes.
 */
export function ConfirmAllocation({ round }: { round: LiveRound }) {
  const { live, announce } = useConsole();
  const { t, i18n } = useTranslation();
  const action = useLiveAction();
  const [asking, setAsking] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const budget = round.results?.budget;
  if (!budget || (round.status !== VotingRoundStatus.Closed && round.status !== VotingRoundStatus.Published)) return null;
  if (round.allocation)
    return (
      <p className="kern-body kern-body--small" data-testid="allocation-confirmed">
        {t('live.budget.confirmed')}
      </p>
    );
  const funded = budget.lines.filter((l) => l.funded).length;
  const questionId = `round-${round.id}-confirm-question`;
  const confirm = () =>
    void action.run(
      () => live.send('round:confirm-allocation', { roundId: round.id }),
      () => {
        setAsking(false);
        announce(t('live.console.voting.allocationConfirmed'));
      },
    );
  return (
    <div className="live-confirm-allocation" ref={boxRef}>
      {asking ? (
        <div role="group" aria-labelledby={questionId}>
          <p className="kern-body" id={questionId}>
            {t('live.console.voting.confirmAllocationQuestion', {
              funded,
              allocatedCents: formatCents(budget.allocatedCents, i18n.language),
            })}
          </p>
          <div className="live-actions">
            <Button small icon="check" busy={action.busy} onClick={confirm} autoFocus>
              {t('live.console.voting.confirmYes')}
            </Button>
            <Button
              small
              variant="secondary"
              onClick={() => {
                setAsking(false);
                window.setTimeout(() => boxRef.current?.querySelector('button')?.focus(), 0);
              }}
            >
              {t('live.console.voting.confirmCancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button small icon="check" onClick={() => setAsking(true)}>
          {t('live.console.voting.confirmAllocation')}
        </Button>
      )}
      <ActionError action={action} />
    </div>
  );
}
