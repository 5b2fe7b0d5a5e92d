import { VotingRoundStatus, VotingType, type LiveMe, type LiveRound } from '@app/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { randomId } from '../../../lib/socket';
import type { LiveConnection } from '../hooks/useLive';
import { ActionError, optionLabel, useLiveAction } from './common';

/**
 * One ballot per round (render it with key={round.id}, so a new round starts with an empty form). The idempotency key belongs to the attempt, not to the click: a retry after
 * a lost answer sends the same key, so the server counts it once. Only a definite refusal (the server
 * answered "no") starts a new attempt with a new key.
 */
export function VoteForm({
  round,
  me,
  live,
  onVoted,
}: {
  round: LiveRound;
  me: LiveMe;
  live: LiveConnection;
  onVoted: (roundId: string) => void;
}) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const keyRef = useRef<{ roundId: string; key: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const maxChoices = round.maxChoices ?? round.options.length;
  const totalPoints = round.points ?? 0;
  const used = Object.values(points).reduce((sum, value) => sum + value, 0);
  const left = totalPoints - used;
  const legendId = `vote-${round.id}-legend`;
  const hintId = `vote-${round.id}-hint`;

  const keyFor = (roundId: string) => {
    if (!keyRef.current || keyRef.current.roundId !== roundId) keyRef.current = { roundId, key: randomId() };
    return keyRef.current.key;
  };

  function validate(): string | null {
    if (round.type === VotingType.DotVoting) {
      if (used === 0) return t('live.vote.errors.noPoints');
      if (used > totalPoints) return t('live.vote.errors.tooManyPoints', { count: totalPoints });
      return null;
    }
    if (chosen.length === 0) return t('live.vote.errors.nothingChosen');
    if (round.type === VotingType.MultipleChoice && chosen.length > maxChoices) return t('live.vote.errors.tooMany', { count: maxChoices });
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validate();
    setFormError(problem);
    if (problem) {
      window.setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    const idempotencyKey = keyFor(round.id);
    const payload =
      round.type === VotingType.DotVoting
        ? {
            roundId: round.id,
            idempotencyKey,
            points: Object.entries(points)
              .filter(([, value]) => value > 0)
              .map(([optionId, value]) => ({ optionId, points: value })),
          }
        : { roundId: round.id, idempotencyKey, optionIds: chosen };
    await action.run(
      async () => {
        const answer = await live.send('ballot:cast', payload);
        // A definite "no" from the server: the next try is a new attempt.
        if (!answer.ok && answer.error.statusCode !== 0) keyRef.current = null;
        // Already counted (e.g. from another tab): nothing to retry, the ballot stands.
        if (!answer.ok && answer.error.code === 'ALREADY_VOTED') return { ok: true as const, data: { roundId: round.id, created: false } };
        return answer;
      },
      () => onVoted(round.id),
    );
  }

  if (round.status !== VotingRoundStatus.Open) return null;
  if (round.requireCheckIn && !me.participant?.checkedIn) {
    return <p className="kern-body">{t('live.vote.checkInRequired')}</p>;
  }

  const hint =
    round.type === VotingType.MultipleChoice
      ? t('live.vote.hintMultiple', { count: maxChoices })
      : round.type === VotingType.DotVoting
        ? t('live.vote.hintDots', { count: totalPoints })
        : t('live.vote.hintSingle');

  return (
    <form className="live-vote" onSubmit={submit} noValidate aria-labelledby={legendId}>
      <fieldset className="kern-fieldset" aria-describedby={hintId}>
        <legend className="kern-label live-vote__legend" id={legendId}>
          {round.question}
        </legend>
        <p className="kern-hint" id={hintId}>
          {hint}
          {round.secret ? ` ${t('live.vote.secret')}` : ` ${t('live.vote.open')}`}
        </p>
        <div className="kern-fieldset__body">
          {round.type === VotingType.DotVoting
            ? round.options.map((option) => {
                const value = points[option.id] ?? 0;
                const id = `vote-${round.id}-${option.id}`;
                const set = (next: number) =>
                  setPoints((current) => ({ ...current, [option.id]: Math.max(0, Math.min(totalPoints, next)) }));
                return (
                  <div className="live-dots" key={option.id}>
                    <label className="kern-label" htmlFor={id}>
                      {option.label}
                    </label>
                    <div className="live-dots__controls">
                      <Button
                        variant="secondary"
                        small
                        onClick={() => set(value - 1)}
                        aria-label={t('live.vote.lessPoints', { option: option.label })}
                        disabled={value <= 0}
                      >
                        −
                      </Button>
                      <input
                        className="kern-form-input__input live-dots__input"
                        type="number"
                        inputMode="numeric"
                        id={id}
                        min={0}
                        max={totalPoints}
                        value={value}
                        onChange={(event) => set(Number(event.target.value) || 0)}
                      />
                      <Button
                        variant="secondary"
                        small
                        onClick={() => set(value + 1)}
                        aria-label={t('live.vote.morePoints', { option: option.label })}
                        disabled={left <= 0}
                      >
                        +
                      </Button>
                    </div>
                  </div>
                );
              })
            : round.options.map((option) => {
                const id = `vote-${round.id}-${option.id}`;
                const multiple = round.type === VotingType.MultipleChoice;
                const checked = chosen.includes(option.id);
                return (
                  <div className="kern-form-check live-vote__option" key={option.id}>
                    <input
                      className={multiple ? 'kern-form-check__checkbox' : 'kern-form-check__radio'}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={`vote-${round.id}`}
                      id={id}
                      value={option.id}
                      checked={checked}
                      onChange={(event) => {
                        if (!multiple) setChosen([option.id]);
                        else
                          setChosen((current) =>
                            event.target.checked ? [...current, option.id] : current.filter((value) => value !== option.id),
                          );
                      }}
                    />
                    <label className="kern-label" htmlFor={id}>
                      {optionLabel(t, round, option)}
                    </label>
                  </div>
                );
              })}
        </div>
        {round.type === VotingType.DotVoting ? (
          <p className="kern-body live-vote__left" aria-live="polite">
            {t('live.vote.pointsLeft', { count: Math.max(0, left), total: totalPoints })}
          </p>
        ) : null}
        {round.type === VotingType.MultipleChoice ? (
          <p className="kern-body live-vote__left" aria-live="polite">
            {t('live.vote.chosenOf', { count: chosen.length, max: maxChoices })}
          </p>
        ) : null}
      </fieldset>
      {formError ? (
        <p className="kern-error" ref={errorRef} tabIndex={-1} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{formError}</span>
        </p>
      ) : null}
      <ActionError action={action} />
      <Button type="submit" block busy={action.busy} icon="check">
        {t('live.vote.submit')}
      </Button>
    </form>
  );
}
