import { AssemblyStatus, ORIGINAL_LANGUAGE, VotingRoundStatus, type LiveMe, type LiveState } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { currentLanguage } from '../../../lib/i18n';
import type { LiveConnection } from '../hooks/useLive';
import { BudgetSummary } from './budget/BudgetSummary';
import { ActionError, Announcer, Countdown, ResultBars, ResultTable, currentItem, useAnnouncer, useLiveAction } from './common';
import { LiveHelp } from './LiveHelp';
import { questionShown, titleShown, Typed } from './typed-text';
import { IntakeSection } from './IntakeSection';
import { VoteForm } from './VoteForm';

/** Everything a participant sees and does during the assembly, phone first. */
export function ParticipantView({ live, state, me }: { live: LiveConnection; state: LiveState; me: LiveMe }) {
  const { t } = useTranslation();
  const [announcement, announce] = useAnnouncer();
  const item = currentItem(state);
  const votingFirst = state.round?.status === VotingRoundStatus.Open;
  // Questions and titles in this phone's language where the moderator translated them.
  const language = currentLanguage();

  // Announce the moments people must not miss: a round opens, results are published, the current item changes.
  const seen = useRef<{ roundKey: string | null; itemId: string | null } | null>(null);
  useEffect(() => {
    const roundKey = state.round ? `${state.round.id}:${state.round.status}` : null;
    const previous = seen.current;
    seen.current = { roundKey, itemId: state.currentItemId };
    if (!previous) return;
    if (roundKey !== previous.roundKey && state.round) {
      const question = questionShown(state.round, language).text;
      if (state.round.status === VotingRoundStatus.Open) announce(t('live.announce.roundOpened', { question }));
      else if (state.round.status === VotingRoundStatus.Published) announce(t('live.announce.resultsPublished', { question }));
      else if (state.round.status === VotingRoundStatus.Closed) announce(t('live.announce.roundClosed', { question }));
    } else if (state.currentItemId !== previous.itemId && item) {
      announce(t('live.announce.itemChanged', { title: titleShown(item, language).text }));
    }
  }, [state.round, state.currentItemId, item, announce, t, language]);

  const meLine = me.participant ? (
    <p className="kern-body kern-body--small live-me">
      {t('live.me.as', { name: me.participant.displayName })}{' '}
      <Badge variant={me.participant.checkedIn ? 'success' : 'info'}>
        {me.participant.checkedIn ? t('live.me.checkedIn') : t(`live.me.presence.${me.participant.presence}`)}
      </Badge>
    </p>
  ) : null;

  return (
    <div className="live-participant">
      <Announcer message={announcement} />
      {state.status === AssemblyStatus.Planned ? <Alert variant="info" title={t('live.assembly.notStarted')} /> : null}
      {state.status === AssemblyStatus.Closed ? <Alert variant="info" title={t('live.assembly.closed')} /> : null}
      {votingFirst ? null : meLine}
      {/* An open round comes first: on a phone the ballot is on the first screen. */}
      {votingFirst ? <VotingSection live={live} state={state} me={me} /> : null}
      {votingFirst ? meLine : null}
      <section className="live-card" aria-labelledby="live-item-title">
        <h2 className="kern-heading-small" id="live-item-title">
          {t('live.item.heading')}
        </h2>
        {item ? (
          <>
            <ItemTitle title={item.title} shown={titleShown(item, language)} />
            <p className="kern-body kern-body--small">
              {t('live.item.position', { position: item.position, count: state.agenda.length })} · {t(`live.item.type.${item.type}`)}
            </p>
            {item.description ? <p className="kern-body">{item.description}</p> : null}
          </>
        ) : (
          <p className="kern-body">{t('live.item.none')}</p>
        )}
      </section>

      {votingFirst ? null : <VotingSection live={live} state={state} me={me} />}
      <IntakeSection live={live} state={state} me={me} />
      <SpeakersSection live={live} state={state} me={me} />
      <LiveHelp />
    </div>
  );
}

/** An agenda item's title: in the moderator's translation with the original beneath it (titles are short), or as typed. */
function ItemTitle({ title, shown }: { title: string; shown: ReturnType<typeof titleShown> }) {
  const { t } = useTranslation();
  return (
    <>
      <Typed as="p" className="kern-body kern-body--large live-item__title" text={shown} />
      {shown.translated ? (
        <p className="kern-body kern-body--small live-translated">
          {t('live.translation.byModeration')} {t('live.translation.original')}{' '}
          <Typed as="bdi" text={{ text: title, language: ORIGINAL_LANGUAGE, translated: false }} />
        </p>
      ) : null}
    </>
  );
}

/**
 * The round in the moderator's translation into this phone's language is marked as such; the typed
 * original is one tap away (the whole ballot switches, so each text is read once, in its own voice).
 * The button sits beside the heading, so the ballot keeps its place on a phone's first screen.
 */
function TranslationSwitch({ original, onSwitch }: { original: boolean; onSwitch: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="tertiary" small onClick={onSwitch}>
      {original ? t('live.translation.showTranslation') : t('live.translation.showOriginal')}
    </Button>
  );
}

function VotingSection({ live, state, me }: { live: LiveConnection; state: LiveState; me: LiveMe }) {
  const { t } = useTranslation();
  const [votedHere, setVotedHere] = useState<string[]>([]);
  const [originalOf, setOriginalOf] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const round = state.round;
  const lastVote = votedHere.at(-1);
  // After "Stimme abgeben" the form is gone: focus moves to the confirmation, which is read out.
  useEffect(() => {
    if (lastVote) confirmRef.current?.focus();
  }, [lastVote]);
  if (!round || round.status === VotingRoundStatus.Draft) return null;
  const phoneLanguage = currentLanguage();
  const translated = questionShown(round, phoneLanguage).translated;
  const original = translated && originalOf === round.id;
  const language = original ? ORIGINAL_LANGUAGE : phoneLanguage;
  const question = questionShown(round, language);
  // Beside the question (not a line of its own, so the ballot keeps its place on a phone's first screen).
  const mark = translated ? (
    <span className="live-translated-mark"> {original ? t('live.translation.showingOriginal') : t('live.translation.byModeration')}</span>
  ) : null;
  const voted = me.votedRoundIds.includes(round.id) || votedHere.includes(round.id);
  const onVoted = (roundId: string) => {
    setVotedHere((current) => [...current, roundId]);
    void live.resync();
  };
  return (
    <section className="live-card" aria-labelledby="live-vote-title">
      <div className="live-card__head">
        <h2 className="kern-heading-small" id="live-vote-title">
          {t('live.vote.heading')}{' '}
          <Badge variant={round.status === VotingRoundStatus.Open ? 'success' : 'info'}>{t(`live.vote.status.${round.status}`)}</Badge>
        </h2>
        {translated ? <TranslationSwitch original={original} onSwitch={() => setOriginalOf(original ? null : round.id)} /> : null}
      </div>

      {round.status === VotingRoundStatus.Open && !voted && me.participant ? (
        <VoteForm key={round.id} round={round} me={me} live={live} onVoted={onVoted} language={language} mark={mark} />
      ) : null}
      {round.status === VotingRoundStatus.Open && !me.participant ? (
        <p className="kern-body">
          <Typed text={question} />
          {mark}
        </p>
      ) : null}
      {voted ? (
        <div className="kern-alert kern-alert--success app-alert live-voted" role="status" tabIndex={-1} ref={confirmRef}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <p className="kern-title">{t('live.vote.counted')}</p>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              <Typed text={question} />
              {mark}
            </p>
          </div>
        </div>
      ) : null}
      {round.status === VotingRoundStatus.Closed ? (
        <p className="kern-body">{t('live.vote.closedWaiting', { question: question.text })}</p>
      ) : null}
      {round.status === VotingRoundStatus.Published && round.results ? (
        <div className="live-results">
          <p className="kern-body live-results__question">
            <Typed text={question} />
            {mark}
          </p>
          {round.results.budget ? null : <ResultBars round={round} result={round.results} language={language} />}
          <ResultTable
            round={round}
            result={round.results}
            language={language}
            caption={t('live.results.caption', { question: question.text })}
          />
          <BudgetSummary round={round} result={round.results} />
        </div>
      ) : null}
    </section>
  );
}

function SpeakersSection({ live, state, me }: { live: LiveConnection; state: LiveState; me: LiveMe }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const { current, queue } = state.speakers;
  const myId = me.participant?.id;
  const mine = queue.find((speaker) => speaker.participantId === myId) ?? null;
  const myPlace = mine ? queue.indexOf(mine) + 1 : null;
  const speakingNow = current && current.participantId === myId;
  return (
    <section className="live-card" aria-labelledby="live-speakers-title">
      <h2 className="kern-heading-small" id="live-speakers-title">
        {t('live.speakers.heading')}
      </h2>
      {current ? (
        <div className="live-speaker-now">
          <p className="kern-body">
            <strong>{t('live.speakers.current')}</strong> {current.displayName}
            {speakingNow ? ` (${t('live.speakers.you')})` : ''}
          </p>
          <Countdown speaker={current} clockOffsetMs={live.clockOffsetMs} />
        </div>
      ) : (
        <p className="kern-body">{t('live.speakers.nobody')}</p>
      )}
      {queue.length > 0 ? (
        <>
          <h3 className="kern-heading-x-small">{t('live.speakers.queue', { count: queue.length })}</h3>
          <ol className="live-queue">
            {queue.map((speaker) => (
              <li key={speaker.id} className="kern-body">
                {speaker.displayName}
                {speaker.participantId === myId ? ` (${t('live.speakers.you')})` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {me.participant && state.status === AssemblyStatus.Live ? (
        <div className="live-actions">
          {mine ? (
            <>
              <p className="kern-body" role="status">
                {t('live.speakers.yourPlace', { place: myPlace })}
              </p>
              <Button
                variant="secondary"
                busy={action.busy}
                icon="close"
                onClick={() =>
                  void action.run(
                    () => live.send('speaker:withdraw', {}),
                    () => void live.resync(),
                  )
                }
              >
                {t('live.speakers.withdraw')}
              </Button>
            </>
          ) : speakingNow ? null : (
            <Button
              busy={action.busy}
              icon="add"
              onClick={() =>
                void action.run(
                  () => live.send('speaker:request', {}),
                  () => void live.resync(),
                )
              }
            >
              {t('live.speakers.request')}
            </Button>
          )}
        </div>
      ) : null}
      <ActionError action={action} />
    </section>
  );
}
