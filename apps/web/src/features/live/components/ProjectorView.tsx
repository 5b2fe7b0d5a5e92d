import { AssemblyStatus, htmlLang, ORIGINAL_LANGUAGE, VotingRoundStatus, type Language, type LiveRound, type LiveState } from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n';
import type { LiveConnection } from '../hooks/useLive';
import { Countdown, ResultTable, currentItem } from './common';
import { BudgetResult } from './budget/BudgetResult';
import { ResultChart } from './ResultChart';
import { questionShown, Second, titleShown, Typed, type SecondLanguage, type Shown } from './typed-text';

/** The round the server puts on the hall screen (open, or a result until the next item or speaker starts). */
function roundOnScreen(state: LiveState): LiveRound | null {
  const id = state.onScreenRoundId;
  if (!id) return null;
  const round = state.round?.id === id ? state.round : (state.publishedRounds.find((r) => r.id === id) ?? null);
  return round && round.status !== VotingRoundStatus.Draft ? round : null;
}

/**
 * A typed text in the second language: the moderation's translation, or the original when the second
 * language is German (a projector in Arabic with German beside it); nothing where it would repeat the first.
 */
function secondText(first: Shown, second: Shown | null, language: Language): Shown | null {
  if (!second || second.text === first.text) return null;
  return second.translated || htmlLang(language) === htmlLang(ORIGINAL_LANGUAGE) ? second : null;
}

/**
 * The hall screen: no controls, large type, high contrast; everything readable from the back row.
 * It never scrolls (a projector cannot): the item, the speaker with the timer and the queue keep their
 * room, a result takes what is left (see .projector in live.css). With a second language each text
 * has its second version beneath (labels beside), in its own lang and direction.
 */
export function ProjectorView({ live, state, second }: { live: LiveConnection; state: LiveState; second: SecondLanguage | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const item = currentItem(state);
  const round = roundOnScreen(state);
  const results = round?.status === VotingRoundStatus.Published ? round.results : null;
  const speaker = state.speakers.current;
  const joinOpen = state.status !== AssemblyStatus.Closed;
  const joinUrl = `${window.location.host}/join`;
  /** A fixed text of the screen, and its second-language version (in a label: beside it; elsewhere: beneath it). */
  const both = (key: string, values?: Record<string, unknown>): ReactNode => (
    <>
      {t(key, values)}
      {second ? <Second second={second}>{second.t(key, values)}</Second> : null}
    </>
  );
  /** A label (a heading over a block): both languages on one line, a separator between them. */
  const label = (first: string, other: string | null): ReactNode => (
    <>
      {first}
      {second && other ? (
        <>
          <span className="projector__sep" aria-hidden="true">
            {' / '}
          </span>
          <Second second={second} className="live-second--inline">
            {other}
          </Second>
        </>
      ) : null}
    </>
  );
  const labelOf = (key: string) => label(t(key), second ? second.t(key) : null);
  const title = item ? titleShown(item, language) : null;
  const secondTitle = item && title && second ? secondText(title, titleShown(item, second.language), second.language) : null;
  const question = round ? questionShown(round, language) : null;
  const secondQuestion = round && question && second ? secondText(question, questionShown(round, second.language), second.language) : null;
  const grid = ['projector__grid', joinOpen ? '' : 'projector__grid--full', second ? 'projector__grid--two' : ''].filter(Boolean).join(' ');
  return (
    <div className={grid}>
      {joinOpen ? (
        <aside className="projector__join" aria-labelledby="projector-join-title">
          <h2 className="projector__label" id="projector-join-title">
            {both('live.projector.join')}
          </h2>
          <img
            className="projector__qr"
            src={`/api/assemblies/${state.assemblyId}/qr.svg`}
            alt={t('live.projector.qrAlt', { code: state.joinCode })}
            width={280}
            height={280}
          />
          <p className="projector__code" aria-label={t('live.projector.codeAria', { code: state.joinCode.split('').join(' ') })}>
            {state.joinCode}
          </p>
          {/* An address reads left to right on an Arabic screen too. */}
          <p className="projector__url" dir="ltr">
            {joinUrl}
          </p>
          <p className="projector__attendance">{both('live.projector.attendance', { count: state.attendance.total })}</p>
        </aside>
      ) : null}
      <div className="projector__main">
        {state.status === AssemblyStatus.Planned ? <p className="projector__notice">{both('live.assembly.notStarted')}</p> : null}
        {state.status === AssemblyStatus.Closed ? <p className="projector__notice">{both('live.assembly.closed')}</p> : null}
        <section aria-labelledby="projector-item-title" className="projector__block">
          <h2 className="projector__label" id="projector-item-title">
            {labelOf('live.item.heading')}
          </h2>
          {title ? <Typed as="p" className="projector__item" text={title} /> : <p className="projector__item">{both('live.item.none')}</p>}
          {secondTitle ? <Typed as="p" className="projector__item projector__item--second" text={secondTitle} /> : null}
        </section>
        {round && question ? (
          <section aria-labelledby="projector-round-title" className="projector__block projector__round">
            <h2 className="projector__label" id="projector-round-title">
              {results
                ? labelOf('live.projector.results')
                : label(
                    `${t('live.projector.voting')} · ${t(`live.vote.status.${round.status}`)}`,
                    second ? `${second.t('live.projector.voting')} · ${second.t(`live.vote.status.${round.status}`)}` : null,
                  )}
            </h2>
            <Typed as="p" className="projector__question" text={question} />
            {secondQuestion ? <Typed as="p" className="projector__question projector__question--second" text={secondQuestion} /> : null}
            {results?.budget ? (
              <div className="projector__results projector__results--budget" aria-live="polite">
                <BudgetResult round={round} result={results} large language={language} second={second} />
              </div>
            ) : results ? (
              <div className="projector__results" aria-live="polite">
                <ResultChart round={round} result={results} large language={language} second={second} />
                <ResultTable
                  round={round}
                  result={results}
                  language={language}
                  second={second}
                  caption={t('live.results.caption', { question: question.text })}
                />
              </div>
            ) : (
              <p className="projector__ballots">{both('live.results.ballots', { count: round.ballotsCast })}</p>
            )}
          </section>
        ) : null}
        {speaker ? (
          <section aria-labelledby="projector-speaker-title" className="projector__block projector__speaker">
            <h2 className="projector__label" id="projector-speaker-title">
              {labelOf('live.speakers.current')}
            </h2>
            <div className="projector__speaker-row">
              <p className="projector__speaker-name">{speaker.displayName}</p>
              <Countdown
                speaker={speaker}
                clockOffsetMs={live.clockOffsetMs}
                large
                secondLabel={second ? <Second second={second}>{second.t('live.speakers.timeLeft')}</Second> : null}
              />
            </div>
          </section>
        ) : null}
        {state.speakers.queue.length > 0 ? (
          <p className="projector__queue">
            {both('live.projector.next', {
              names: state.speakers.queue
                .slice(0, 3)
                .map((s) => s.displayName)
                .join(', '),
              count: state.speakers.queue.length,
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
