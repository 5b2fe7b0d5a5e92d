import { AssemblyStatus, VotingRoundStatus, type LiveRound, type LiveState } from '@app/shared';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../hooks/useLive';
import { Countdown, ResultTable, currentItem } from './common';
import { ResultChart } from './ResultChart';

/** The round the server puts on the hall screen (open, or a result until the next item or speaker starts). */
function roundOnScreen(state: LiveState): LiveRound | null {
  const id = state.onScreenRoundId;
  if (!id) return null;
  const round = state.round?.id === id ? state.round : (state.publishedRounds.find((r) => r.id === id) ?? null);
  return round && round.status !== VotingRoundStatus.Draft ? round : null;
}

/**
 * The hall screen: no controls, large type, high contrast; everything readable from the back row.
 * It never scrolls (a projector cannot): the item, the speaker with the timer and the queue keep their
 * room, a result takes what is left (see .projector in live.css).
 */
export function ProjectorView({ live, state }: { live: LiveConnection; state: LiveState }) {
  const { t } = useTranslation();
  const item = currentItem(state);
  const round = roundOnScreen(state);
  const results = round?.status === VotingRoundStatus.Published ? round.results : null;
  const speaker = state.speakers.current;
  const joinOpen = state.status !== AssemblyStatus.Closed;
  const joinUrl = `${window.location.host}/join`;
  return (
    <div className={joinOpen ? 'projector__grid' : 'projector__grid projector__grid--full'}>
      {joinOpen ? (
        <aside className="projector__join" aria-labelledby="projector-join-title">
          <h2 className="projector__label" id="projector-join-title">
            {t('live.projector.join')}
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
          <p className="projector__url">{joinUrl}</p>
          <p className="projector__attendance">{t('live.projector.attendance', { count: state.attendance.total })}</p>
        </aside>
      ) : null}
      <div className="projector__main">
        {state.status === AssemblyStatus.Planned ? <p className="projector__notice">{t('live.assembly.notStarted')}</p> : null}
        {state.status === AssemblyStatus.Closed ? <p className="projector__notice">{t('live.assembly.closed')}</p> : null}
        <section aria-labelledby="projector-item-title" className="projector__block">
          <h2 className="projector__label" id="projector-item-title">
            {t('live.item.heading')}
          </h2>
          <p className="projector__item">{item ? item.title : t('live.item.none')}</p>
        </section>
        {round ? (
          <section aria-labelledby="projector-round-title" className="projector__block projector__round">
            <h2 className="projector__label" id="projector-round-title">
              {results ? t('live.projector.results') : `${t('live.projector.voting')} · ${t(`live.vote.status.${round.status}`)}`}
            </h2>
            <p className="projector__question" dir="auto">
              {round.question}
            </p>
            {results ? (
              <div className="projector__results" aria-live="polite">
                <ResultChart round={round} result={results} large />
                <ResultTable round={round} result={results} caption={t('live.results.caption', { question: round.question })} />
              </div>
            ) : (
              <p className="projector__ballots">{t('live.results.ballots', { count: round.ballotsCast })}</p>
            )}
          </section>
        ) : null}
        {speaker ? (
          <section aria-labelledby="projector-speaker-title" className="projector__block projector__speaker">
            <h2 className="projector__label" id="projector-speaker-title">
              {t('live.speakers.current')}
            </h2>
            <div className="projector__speaker-row">
              <p className="projector__speaker-name">{speaker.displayName}</p>
              <Countdown speaker={speaker} clockOffsetMs={live.clockOffsetMs} large />
            </div>
          </section>
        ) : null}
        {state.speakers.queue.length > 0 ? (
          <p className="projector__queue">
            {t('live.projector.next', {
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
