import type { LiveRound } from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { ActionError, optionLabel, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';

/** The moderator's hall count of a round (show of hands, paper ballots), kept apart from the app's ballots. */
export function HallTallyForm({ round }: { round: LiveRound }) {
  const { live, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const [open, setOpen] = useState(false);
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      round.options.map((option) => [option.id, String(round.results?.options.find((r) => r.optionId === option.id)?.hall ?? 0)]),
    ),
  );
  const [ballots, setBallots] = useState(round.results?.hallBallots != null ? String(round.results.hallBallots) : '');
  const [note, setNote] = useState(round.results?.hallNote ?? '');
  if (!open) {
    return (
      <Button variant="tertiary" small icon="edit" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('live.console.hall.toggle')}
      </Button>
    );
  }
  async function save(event: FormEvent) {
    event.preventDefault();
    await action.run(
      () =>
        live.send('round:hall-tally', {
          roundId: round.id,
          counts: round.options.map((option) => ({ optionId: option.id, count: Math.max(0, Math.round(Number(counts[option.id]) || 0)) })),
          ballots: ballots.trim() === '' ? null : Math.max(0, Math.round(Number(ballots))),
          note: note.trim() || null,
        }),
      () => {
        setOpen(false);
        announce(t('live.console.hall.saved'));
      },
    );
  }
  return (
    <form className="live-form live-hall" onSubmit={save} noValidate aria-labelledby={`hall-${round.id}`}>
      <h5 className="kern-body kern-body--bold" id={`hall-${round.id}`}>
        {t('live.console.hall.heading')}
      </h5>
      <div className="live-hall__grid">
        {round.options.map((option) => (
          <FormField key={option.id} id={`hall-${round.id}-${option.id}`} label={optionLabel(t, round, option)}>
            {(aria) => (
              <input
                id={`hall-${round.id}-${option.id}`}
                {...aria}
                className={`${aria.className} live-number`}
                type="number"
                min={0}
                inputMode="numeric"
                value={counts[option.id] ?? '0'}
                onChange={(event) => setCounts((current) => ({ ...current, [option.id]: event.target.value }))}
              />
            )}
          </FormField>
        ))}
        <FormField id={`hall-${round.id}-ballots`} label={t('live.console.hall.ballots')}>
          {(aria) => (
            <input
              id={`hall-${round.id}-ballots`}
              {...aria}
              className={`${aria.className} live-number`}
              type="number"
              min={0}
              inputMode="numeric"
              value={ballots}
              onChange={(event) => setBallots(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField id={`hall-${round.id}-note`} label={t('live.console.hall.note')}>
        {(aria) => (
          <input id={`hall-${round.id}-note`} {...aria} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        )}
      </FormField>
      <ActionError action={action} />
      <div className="live-actions">
        <Button type="submit" small busy={action.busy}>
          {t('live.console.hall.save')}
        </Button>
        <Button variant="secondary" small onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
