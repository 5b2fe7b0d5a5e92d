import {
  ORIGINAL_LANGUAGE,
  votingType,
  type Language,
  type LiveAck,
  type LiveRound,
  type LiveSpeaker,
  type LiveState,
  type RoundResult,
  type VotingOption,
} from '@app/shared';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { translateMessage, type UiMessage } from '../../../lib/messages';
import type { ConnectionStatus } from '../hooks/useLive';
import { optionShown, Second, Typed, type SecondLanguage } from './typed-text';
import '../live.css';

/** The connection status, visible and announced politely when it changes. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  const icon = status === 'connected' ? 'check' : status === 'offline' ? 'danger' : 'info';
  return (
    <div className={`live-connection live-connection--${status}`} role="status">
      <span className={`kern-icon kern-icon--${icon} kern-icon--small`} aria-hidden="true" />
      <span className="kern-body kern-body--small">{t(`live.connection.${status}`)}</span>
    </div>
  );
}

/** A polite, visually hidden announcement for changes a screen reader user should hear about. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    // The same text twice in a row would not be read again: clear first.
    setMessage('');
    window.setTimeout(() => setMessage(next), 50);
  }, []);
  return [message, announce];
}

export function Announcer({ message }: { message: string }) {
  return (
    <div className="live-sr-only" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

export interface LiveAction {
  busy: boolean;
  error: UiMessage | null;
  run: <T>(perform: () => Promise<LiveAck<T>>, onOk?: (data: T) => void) => Promise<boolean>;
  retry: () => void;
  clear: () => void;
}

/** Runs one kind of live action: busy flag, translated error, and a retry of exactly the last attempt. */
export function useLiveAction(): LiveAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);
  const last = useRef<(() => Promise<boolean>) | null>(null);

  const run = useCallback(async <T,>(perform: () => Promise<LiveAck<T>>, onOk?: (data: T) => void): Promise<boolean> => {
    const attempt = async (): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const answer = await perform();
        if (answer.ok) {
          onOk?.(answer.data);
          last.current = null;
          return true;
        }
        setError({ key: [`live.errors.${answer.error.code}`, `errors.${answer.error.code}`], text: answer.error.message });
        return false;
      } finally {
        setBusy(false);
      }
    };
    last.current = attempt;
    return attempt();
  }, []);

  const retry = useCallback(() => {
    void last.current?.();
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, retry, clear };
}

/** The error of a live action, with a button to try the same thing again. */
export function ActionError({ action }: { action: LiveAction }) {
  const { t } = useTranslation();
  if (!action.error) return null;
  return (
    <div className="kern-alert kern-alert--danger app-alert live-action-error" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <p className="kern-body live-action-error__text">{translateMessage(t, action.error)}</p>
      </div>
      <div className="kern-alert__body">
        <Button variant="secondary" small icon="autorenew" onClick={action.retry} busy={action.busy}>
          {t('live.actions.retry')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Fixed options of yes/no/abstain rounds are named in the language of `t`; other labels are the
 * moderator's words, as typed or in their translation into `language` where there is one.
 */
export function optionLabel(
  t: TFunction,
  round: Pick<LiveRound, 'type' | 'options' | 'translations'>,
  option: Pick<VotingOption, 'label'> & { id?: string; optionId?: string },
  language: Language = ORIGINAL_LANGUAGE,
): string {
  return optionShown(t, round, option, language).text;
}

export function currentItem(state: LiveState) {
  return state.agenda.find((item) => item.id === state.currentItemId) ?? null;
}

/** Seconds left of the current speaker's turn (null without a limit), ticking every second. */
export function useCountdown(speaker: LiveSpeaker | null, clockOffsetMs: number): number | null {
  const startedAt = speaker?.startedAt ?? null;
  const limit = speaker?.timeLimitSeconds ?? null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt || !limit) return undefined;
    const first = window.setTimeout(() => setNow(Date.now()), 0);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [startedAt, limit]);
  if (!startedAt || !limit) return null;
  const end = Date.parse(startedAt) + limit * 1000;
  return Math.min(limit, Math.max(0, Math.ceil((end - (now + clockOffsetMs)) / 1000)));
}

export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * What the countdown says to screen readers: only at whole minutes, at 30 and 10 seconds and at
 * the end — not every second.
 */
export function countdownAnnouncement(t: TFunction, left: number | null): string | null {
  if (left === null) return null;
  if (left === 0) return t('live.speakers.timeUp');
  if (left === 30 || left === 10) return t('live.speakers.secondsLeft', { count: left });
  if (left % 60 === 0) return t('live.speakers.minutesLeft', { count: left / 60 });
  return null;
}

/** The visible countdown (role timer: not read on every tick) plus sensible announcements. */
export function Countdown({
  speaker,
  clockOffsetMs,
  large = false,
  secondLabel = null,
}: {
  speaker: LiveSpeaker;
  clockOffsetMs: number;
  large?: boolean;
  /** The projector's second language: the label in it too. */
  secondLabel?: ReactNode;
}) {
  const { t } = useTranslation();
  const left = useCountdown(speaker, clockOffsetMs);
  const message = countdownAnnouncement(t, left);
  const [spoken, setSpoken] = useState('');
  // Keep the last announcement in the live region until the next one (set while rendering: no extra pass).
  if (message && message !== spoken) setSpoken(message);
  if (left === null) return null;
  return (
    <div className={large ? 'live-countdown live-countdown--large' : 'live-countdown'}>
      <span className="live-countdown__label">
        {t('live.speakers.timeLeft')}
        {secondLabel}
      </span>{' '}
      <span
        role="timer"
        aria-label={t('live.speakers.timeLeftAria', { time: formatSeconds(left) })}
        className={left === 0 ? 'live-countdown__value is-over' : 'live-countdown__value'}
      >
        {formatSeconds(left)}
      </span>
      {left === 0 ? <span className="live-countdown__over"> {t('live.speakers.timeUp')}</span> : null}
      <span className="live-sr-only" aria-live="polite">
        {spoken}
      </span>
    </div>
  );
}

/**
 * The results as a table: app ballots, hall count (labelled) and total per option. Option labels in
 * `language` where the moderator translated them; the projector adds its second language under each text.
 */
export function ResultTable({
  round,
  result,
  caption,
  language = ORIGINAL_LANGUAGE,
  second = null,
}: {
  round: LiveRound;
  result: RoundResult;
  caption: string;
  language?: Language;
  second?: SecondLanguage | null;
}) {
  const { t } = useTranslation();
  const hasHall = result.hallBallots !== null || result.options.some((option) => option.hall > 0);
  const unitKey = `live.results.${votingType(round.type).unit}`;
  const unit = t(unitKey);
  /** A header in the page's language, and in the second language beneath it. */
  const both = (key: string, values?: Record<string, unknown>, secondValues?: Record<string, unknown>) => (
    <>
      {t(key, values)}
      {second ? <Second second={second}>{second.t(key, secondValues ?? values)}</Second> : null}
    </>
  );
  const secondUnit = second ? second.t(unitKey) : '';
  return (
    <div className="kern-table-responsive live-table" tabIndex={0} role="region" aria-label={caption}>
      <table className="kern-table kern-table--small">
        <caption className="kern-title">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {both('live.results.option')}
            </th>
            {hasHall ? (
              <>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {both('live.results.online', { unit }, { unit: secondUnit })}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {both('live.results.hall', { unit }, { unit: secondUnit })}
                </th>
              </>
            ) : null}
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {hasHall ? both('live.results.total', { unit }, { unit: secondUnit }) : both(unitKey)}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {result.options.map((option) => {
            const shown = optionShown(t, round, option, language);
            const other = second ? optionShown(second.t, round, option, second.language) : null;
            return (
              <tr className="kern-table__row" key={option.optionId}>
                <th className="kern-table__header" scope="row">
                  <Typed text={shown} />
                  {second && other && other.text !== shown.text ? (
                    <Second second={second}>
                      <Typed text={other} />
                    </Second>
                  ) : null}
                </th>
                {hasHall ? <td className="kern-table__cell kern-table__cell--numeric">{option.online}</td> : null}
                {hasHall ? <td className="kern-table__cell kern-table__cell--numeric">{option.hall}</td> : null}
                <td className="kern-table__cell kern-table__cell--numeric">{option.total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="kern-body kern-body--small live-table__note">
        {result.binding ? null : <strong>{t('live.results.notBindingNote')} </strong>}
        {t('live.results.ballots', { count: result.ballots })}
        {result.hallBallots !== null ? ` · ${t('live.results.hallBallots', { count: result.hallBallots })}` : ''}
        {result.hallNote ? ` · ${t('live.results.hallNote', { note: result.hallNote })}` : ''}
        {second ? (
          <Second second={second}>
            {result.binding ? null : <strong>{second.t('live.results.notBindingNote')} </strong>}
            {second.t('live.results.ballots', { count: result.ballots })}
            {result.hallBallots !== null ? ` · ${second.t('live.results.hallBallots', { count: result.hallBallots })}` : ''}
          </Second>
        ) : null}
      </p>
    </div>
  );
}

/** Simple bars with the numbers written next to them (the number, not the colour, carries the meaning). */
export function ResultBars({
  round,
  result,
  language = ORIGINAL_LANGUAGE,
}: {
  round: LiveRound;
  result: RoundResult;
  language?: Language;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...result.options.map((option) => option.total));
  return (
    <ul className="live-bars" aria-hidden="true">
      {result.options.map((option) => (
        <li key={option.optionId} className="live-bars__row">
          <Typed className="live-bars__label" text={optionShown(t, round, option, language)} />
          <span className="live-bars__track">
            <span className="live-bars__bar" style={{ width: `${(option.total / max) * 100}%` }} />
          </span>
          <span className="live-bars__value">{option.total}</span>
        </li>
      ))}
    </ul>
  );
}
