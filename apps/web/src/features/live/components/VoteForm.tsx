import {
  ballotProblemText,
  validateBallot,
  votingType,
  VotingRoundStatus,
  type BallotContent,
  type Language,
  type LiveMe,
  type LiveRound,
} from '@app/shared';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { randomId } from '../../../lib/socket';
import type { LiveConnection } from '../hooks/useLive';
import { BALLOT_INPUTS, ballotToSend } from './BallotInputs';
import { withMoney } from '../../../components/budget/money';
import { ActionError, useLiveAction } from './common';
import { questionShown, Typed } from './typed-text';

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
  language,
  mark = null,
}: {
  round: LiveRound;
  me: LiveMe;
  live: LiveConnection;
  onVoted: (roundId: string) => void;
  /** The language of the question and options: the phone's where the moderator translated them, else the original. */
  language: Language;
  /** Says that the question is the moderators' translation (or the original), beside it. */
  mark?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const action = useLiveAction();
  const keyRef = useRef<{ roundId: string; key: string } | null>(null);
  const [content, setContent] = useState<BallotContent>({});
  const [formError, setFormError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const definition = votingType(round.type);
  const Input = BALLOT_INPUTS[definition.input];
  const legendId = `vote-${round.id}-legend`;
  const hintId = `vote-${round.id}-hint`;

  const keyFor = (roundId: string) => {
    if (!keyRef.current || keyRef.current.roundId !== roundId) keyRef.current = { roundId, key: randomId() };
    return keyRef.current.key;
  };

  /** The same check the server makes (libs/shared voting model), with the web's text for what a person can fix. */
  function validate(): string | null {
    const problem = ballotProblemText(validateBallot(round, ballotToSend(content)).problems);
    return problem ? t(problem.key, withMoney(problem.values, i18n.language)) : null;
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
    const payload = { roundId: round.id, idempotencyKey, ...ballotToSend(content) };
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

  const hintText = definition.texts.hint(round);
  const hint = t(hintText.key, withMoney(hintText.values, i18n.language));

  return (
    <form className="live-vote" onSubmit={submit} noValidate aria-labelledby={legendId}>
      <fieldset className="kern-fieldset" aria-describedby={hintId}>
        <legend className="kern-label live-vote__legend" id={legendId}>
          <Typed text={questionShown(round, language)} />
          {mark}
        </legend>
        <p className="kern-hint" id={hintId}>
          {hint}
          {round.secret ? ` ${t('live.vote.secret')}` : ` ${t('live.vote.open')}`}
        </p>
        <Input
          round={round}
          content={content}
          onChange={(next) => {
            setContent(next);
            setFormError(null);
          }}
          language={language}
        />
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
