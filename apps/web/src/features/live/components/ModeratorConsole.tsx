import {
  AGENDA_ITEM_TYPES,
  AgendaItemType,
  AssemblyStatus,
  LIVE_PROPOSAL_MAX,
  NO_ROUND_PARAMETERS,
  VOTING_OPTIONS_MAX,
  VOTING_TYPES,
  VotingRoundStatus,
  VotingType,
  votingType,
  type LiveAck,
  type LiveRound,
  type LiveState,
  type ModeratorState,
  type RoundParameterName,
  type RoundParameters,
  type VotingTypeDefinition,
} from '@app/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { currentLanguage } from '../../../lib/i18n';
import type { LiveConnection } from '../hooks/useLive';
import { ActionError, Announcer, Countdown, ResultTable, optionLabel, useAnnouncer, useLiveAction } from './common';

interface ConsoleProps {
  live: LiveConnection;
  state: LiveState;
  moderator: ModeratorState;
}

function Panel({ id, title, children, wide }: { id: string; title: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'live-panel live-panel--wide' : 'live-panel'} aria-labelledby={`${id}-title`}>
      <h2 className="kern-heading-small" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A small labelled input without the form hook (live actions are not REST forms). */
function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  const { t } = useTranslation();
  void t;
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {children}
    </div>
  );
}

export function ModeratorConsole({ live, state, moderator }: ConsoleProps) {
  const [announcement, announce] = useAnnouncer();
  return (
    <div className="live-console">
      <Announcer message={announcement} />
      <StatusPanel live={live} state={state} moderator={moderator} announce={announce} />
      <AgendaPanel live={live} state={state} announce={announce} />
      <IntakePanel live={live} state={state} moderator={moderator} announce={announce} />
      <SpeakersPanel live={live} state={state} announce={announce} />
      <VotingPanel live={live} state={state} moderator={moderator} announce={announce} />
    </div>
  );
}

type Announce = (message: string) => void;

function StatusPanel({ live, state, moderator, announce }: ConsoleProps & { announce: Announce }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const [confirmClose, setConfirmClose] = useState(false);
  const lang = currentLanguage();
  const a = moderator.attendance;
  const setStatus = (status: 'live' | 'closed') =>
    void action.run(
      () => live.send('assembly:set-status', { status }),
      () => {
        setConfirmClose(false);
        announce(t(`live.console.status.done.${status}`));
      },
    );
  return (
    <Panel id="console-status" title={t('live.console.status.heading')} wide>
      <div className="live-status-row">
        <p className="kern-body">
          {t('live.console.status.label')}{' '}
          <Badge variant={state.status === AssemblyStatus.Live ? 'success' : 'info'}>{t(`live.assembly.status.${state.status}`)}</Badge>
        </p>
        {state.status === AssemblyStatus.Planned ? (
          <Button icon="arrow-forward" busy={action.busy} onClick={() => setStatus('live')}>
            {t('live.console.status.open')}
          </Button>
        ) : null}
        {state.status === AssemblyStatus.Live && !confirmClose ? (
          <Button variant="secondary" icon="close" onClick={() => setConfirmClose(true)}>
            {t('live.console.status.close')}
          </Button>
        ) : null}
        {confirmClose ? (
          <div className="live-confirm" role="group" aria-label={t('live.console.status.confirmLabel')}>
            <p className="kern-body">{t('live.console.status.confirmText')}</p>
            <Button icon="check" busy={action.busy} onClick={() => setStatus('closed')}>
              {t('live.console.status.confirmYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        ) : null}
      </div>
      <ActionError action={action} />
      <dl className="live-stats">
        {(
          [
            ['hall', a.hall],
            ['online', a.online],
            ['checkedIn', a.checkedIn],
            ['connected', a.connected],
            ['total', a.total],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="live-stats__item">
            <dt className="kern-body kern-body--small">{t(`live.console.attendance.${key}`)}</dt>
            <dd className="kern-heading-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="kern-body">
        {t('live.console.joinCode')} <strong className="live-code">{state.joinCode}</strong> · {t('live.console.checkInCode')}{' '}
        <strong className="live-code">{moderator.checkInCode}</strong>
      </p>
      <ul className="live-links">
        <li>
          <a className="kern-link" href={`/assemblies/${state.assemblyId}/projector`} target="_blank" rel="noreferrer">
            {t('live.console.links.projector')} <span className="live-sr-only">{t('live.console.links.newWindow')}</span>
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/assemblies/${state.assemblyId}/live`}>
            {t('live.console.links.participant')}
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/api/assemblies/${state.assemblyId}/minutes.pdf?lang=${lang}`} download>
            {t('live.console.links.minutesPdf')}
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/api/assemblies/${state.assemblyId}/minutes.md?lang=${lang}`} download>
            {t('live.console.links.minutesMd')}
          </a>
        </li>
      </ul>
    </Panel>
  );
}

function AgendaPanel({ live, state, announce }: { live: LiveConnection; state: LiveState; announce: Announce }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const addAction = useLiveAction();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<AgendaItemType>(AgendaItemType.Discussion);
  const [titleMissing, setTitleMissing] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    setTitleMissing(!trimmed);
    if (!trimmed) return;
    await addAction.run(
      () => live.send('item:add', { title: trimmed, type }),
      () => {
        setTitle('');
        announce(t('live.console.agenda.added', { title: trimmed }));
      },
    );
  }

  return (
    <Panel id="console-agenda" title={t('live.console.agenda.heading')}>
      {state.agenda.length === 0 ? <p className="kern-body">{t('live.console.agenda.empty')}</p> : null}
      <ol className="live-agenda">
        {state.agenda.map((item) => {
          const isCurrent = item.id === state.currentItemId;
          return (
            <li
              key={item.id}
              className={isCurrent ? 'live-agenda__item is-current' : 'live-agenda__item'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="kern-body">
                {item.title} <span className="kern-body--small">({t(`live.item.type.${item.type}`)})</span>{' '}
                {isCurrent ? <Badge variant="success">{t('live.console.agenda.current')}</Badge> : null}
              </span>
              {isCurrent ? null : (
                <Button
                  variant="secondary"
                  small
                  busy={action.busy}
                  onClick={() =>
                    void action.run(
                      () => live.send('item:set', { agendaItemId: item.id }),
                      () => announce(t('live.announce.itemChanged', { title: item.title })),
                    )
                  }
                >
                  {t('live.console.agenda.makeCurrent')}
                  <span className="live-sr-only">: {item.title}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {state.currentItemId ? (
        <Button variant="tertiary" small onClick={() => void action.run(() => live.send('item:set', { agendaItemId: null }))}>
          {t('live.console.agenda.clear')}
        </Button>
      ) : null}
      <ActionError action={action} />
      <form className="live-form" onSubmit={add} noValidate aria-labelledby="console-agenda-add">
        <h3 className="kern-heading-x-small" id="console-agenda-add">
          {t('live.console.agenda.add')}
        </h3>
        <div className={`kern-form-input${titleMissing ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="agenda-title">
            {t('live.console.agenda.title')}
          </label>
          <input
            id="agenda-title"
            className="kern-form-input__input"
            value={title}
            maxLength={200}
            aria-invalid={titleMissing || undefined}
            aria-describedby={titleMissing ? 'agenda-title-error' : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {titleMissing ? (
            <p className="kern-error" id="agenda-title-error">
              <span className="kern-body">{t('live.console.required')}</span>
            </p>
          ) : null}
        </div>
        <Field id="agenda-type" label={t('live.console.agenda.type')}>
          <div className="kern-form-input__select-wrapper">
            <select
              id="agenda-type"
              className="kern-form-input__select"
              value={type}
              onChange={(event) => setType(event.target.value as AgendaItemType)}
            >
              {AGENDA_ITEM_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`live.item.type.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </Field>
        <ActionError action={addAction} />
        <Button type="submit" variant="secondary" icon="add" busy={addAction.busy}>
          {t('live.console.agenda.addSubmit')}
        </Button>
      </form>
    </Panel>
  );
}

function IntakePanel({ live, state, moderator, announce }: ConsoleProps & { announce: Announce }) {
  const { t } = useTranslation();
  const toggle = useLiveAction();
  const moderate = useLiveAction();
  const paper = useLiveAction();
  const [text, setText] = useState('');
  const [sourceNote, setSourceNote] = useState('');
  const [paperError, setPaperError] = useState(false);

  async function addPaper(event: FormEvent) {
    event.preventDefault();
    const body = { text: text.trim(), sourceNote: sourceNote.trim() };
    setPaperError(!body.text || !body.sourceNote);
    if (!body.text || !body.sourceNote) return;
    await paper.run(
      () => live.send('proposal:on-behalf', body),
      () => {
        setText('');
        announce(t('live.console.intake.paperAdded'));
      },
    );
  }

  return (
    <Panel
      id="console-intake"
      title={
        <>
          {t('live.console.intake.heading')}{' '}
          <Badge variant={state.intakeOpen ? 'success' : 'info'}>
            {state.intakeOpen ? t('live.intake.open') : t('live.intake.closed')}
          </Badge>
        </>
      }
    >
      <Button
        variant={state.intakeOpen ? 'secondary' : 'primary'}
        busy={toggle.busy}
        onClick={() =>
          void toggle.run(
            () => live.send('intake:set', { open: !state.intakeOpen }),
            () => announce(t(state.intakeOpen ? 'live.console.intake.closedNow' : 'live.console.intake.openedNow')),
          )
        }
      >
        {state.intakeOpen ? t('live.console.intake.close') : t('live.console.intake.open')}
      </Button>
      <ActionError action={toggle} />
      <h3 className="kern-heading-x-small">{t('live.console.intake.pending', { count: moderator.pendingProposals.length })}</h3>
      {moderator.pendingProposals.length === 0 ? <p className="kern-body">{t('live.console.intake.noPending')}</p> : null}
      <ul className="live-proposals">
        {moderator.pendingProposals.map((proposal) => (
          <li key={proposal.id} className="live-proposals__item">
            <p className="kern-body live-proposals__text">{proposal.text}</p>
            <p className="kern-body kern-body--small">{proposal.author ?? proposal.sourceNote ?? t('live.intake.onBehalf')}</p>
            <div className="live-actions">
              <Button
                small
                icon="check"
                busy={moderate.busy}
                onClick={() =>
                  void moderate.run(
                    () => live.send('proposal:moderate', { proposalId: proposal.id, decision: 'approve' }),
                    () => announce(t('live.console.intake.approvedNow')),
                  )
                }
              >
                {t('live.console.intake.approve')}
                <span className="live-sr-only">: {proposal.text.slice(0, 60)}</span>
              </Button>
              <Button
                small
                variant="secondary"
                icon="close"
                busy={moderate.busy}
                onClick={() =>
                  void moderate.run(
                    () => live.send('proposal:moderate', { proposalId: proposal.id, decision: 'reject' }),
                    () => announce(t('live.console.intake.rejectedNow')),
                  )
                }
              >
                {t('live.console.intake.reject')}
                <span className="live-sr-only">: {proposal.text.slice(0, 60)}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ActionError action={moderate} />
      <h3 className="kern-heading-x-small">{t('live.intake.approved', { count: state.proposals.length })}</h3>
      <ul className="live-proposals">
        {state.proposals.map((proposal) => (
          <li key={proposal.id} className="live-proposals__item">
            <p className="kern-body live-proposals__text">{proposal.text}</p>
            <p className="kern-body kern-body--small">
              {proposal.author ?? proposal.sourceNote ?? t('live.intake.onBehalf')} ·{' '}
              {t('live.intake.supportCount', { count: proposal.supportCount })}
            </p>
          </li>
        ))}
      </ul>
      {moderator.rejectedProposals.length > 0 ? (
        <p className="kern-body kern-body--small">
          {t('live.console.intake.rejectedCount', { count: moderator.rejectedProposals.length })}
        </p>
      ) : null}
      <form className="live-form" onSubmit={addPaper} noValidate aria-labelledby="console-paper">
        <h3 className="kern-heading-x-small" id="console-paper">
          {t('live.console.intake.paper')}
        </h3>
        <Field id="paper-text" label={t('live.console.intake.paperText')}>
          <textarea
            id="paper-text"
            className="kern-form-input__input"
            rows={2}
            maxLength={LIVE_PROPOSAL_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        <Field id="paper-source" label={t('live.console.intake.paperSource')} hint={t('live.console.intake.paperSourceHint')}>
          <input
            id="paper-source"
            className="kern-form-input__input"
            aria-describedby="paper-source-hint"
            maxLength={200}
            value={sourceNote}
            onChange={(event) => setSourceNote(event.target.value)}
          />
        </Field>
        {paperError ? (
          <p className="kern-error" role="alert">
            <span className="kern-body">{t('live.console.intake.paperRequired')}</span>
          </p>
        ) : null}
        <ActionError action={paper} />
        <Button type="submit" variant="secondary" icon="add" busy={paper.busy}>
          {t('live.console.intake.paperSubmit')}
        </Button>
      </form>
    </Panel>
  );
}

function SpeakersPanel({ live, state, announce }: { live: LiveConnection; state: LiveState; announce: Announce }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const limitAction = useLiveAction();
  const { current, queue, defaultTimeLimitSeconds } = state.speakers;
  const [limit, setLimit] = useState(defaultTimeLimitSeconds ? String(defaultTimeLimitSeconds) : '');

  const move = (index: number, delta: number) => {
    const ids = queue.map((speaker) => speaker.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    void action.run(
      () => live.send('speaker:order', { speakerIds: ids }),
      () => announce(t('live.console.speakers.moved', { name: queue[index].displayName, place: index + delta + 1 })),
    );
  };

  async function saveLimit(event: FormEvent) {
    event.preventDefault();
    const seconds = limit.trim() === '' ? null : Math.max(0, Math.round(Number(limit)));
    await limitAction.run(
      () => live.send('speaker:time-limit', { seconds: seconds || null }),
      () => announce(t('live.console.speakers.limitSaved')),
    );
  }

  return (
    <Panel id="console-speakers" title={t('live.speakers.heading')}>
      {current ? (
        <div className="live-speaker-now">
          <p className="kern-body">
            <strong>{t('live.speakers.current')}</strong> {current.displayName}
          </p>
          <Countdown speaker={current} clockOffsetMs={live.clockOffsetMs} />
          <Button
            variant="secondary"
            icon="close"
            busy={action.busy}
            onClick={() =>
              void action.run(
                () => live.send('speaker:stop', {}),
                () => announce(t('live.console.speakers.stopped')),
              )
            }
          >
            {t('live.console.speakers.stop')}
          </Button>
        </div>
      ) : (
        <p className="kern-body">{t('live.speakers.nobody')}</p>
      )}
      <h3 className="kern-heading-x-small">{t('live.speakers.queue', { count: queue.length })}</h3>
      {queue.length === 0 ? <p className="kern-body">{t('live.console.speakers.empty')}</p> : null}
      <ol className="live-queue live-queue--console">
        {queue.map((speaker, index) => (
          <li key={speaker.id} className="live-queue__item">
            <span className="kern-body">{speaker.displayName}</span>
            <span className="live-actions">
              <Button
                small
                icon="arrow-forward"
                busy={action.busy}
                onClick={() =>
                  void action.run(
                    () => live.send('speaker:start', { speakerId: speaker.id }),
                    () => announce(t('live.console.speakers.started', { name: speaker.displayName })),
                  )
                }
              >
                {t('live.console.speakers.start')}
                <span className="live-sr-only">: {speaker.displayName}</span>
              </Button>
              <Button
                small
                variant="tertiary"
                icon="arrow-up"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('live.console.speakers.up', { name: speaker.displayName })}
              >
                {t('live.console.speakers.upShort')}
              </Button>
              <Button
                small
                variant="tertiary"
                icon="arrow-down"
                disabled={index === queue.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('live.console.speakers.down', { name: speaker.displayName })}
              >
                {t('live.console.speakers.downShort')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <ActionError action={action} />
      <form className="live-form live-form--inline" onSubmit={saveLimit} noValidate>
        <Field id="speaker-limit" label={t('live.console.speakers.limit')} hint={t('live.console.speakers.limitHint')}>
          <input
            id="speaker-limit"
            className="kern-form-input__input live-number"
            type="number"
            min={0}
            step={10}
            inputMode="numeric"
            aria-describedby="speaker-limit-hint"
            value={limit}
            onChange={(event) => setLimit(event.target.value)}
          />
        </Field>
        <ActionError action={limitAction} />
        <Button type="submit" variant="secondary" busy={limitAction.busy}>
          {t('live.console.speakers.limitSave')}
        </Button>
      </form>
    </Panel>
  );
}

function VotingPanel({ live, state, moderator, announce }: ConsoleProps & { announce: Announce }) {
  const { t } = useTranslation();
  return (
    <Panel id="console-voting" title={t('live.console.voting.heading')} wide>
      <CreateRoundForm live={live} state={state} announce={announce} />
      <h3 className="kern-heading-x-small">{t('live.console.voting.rounds', { count: moderator.rounds.length })}</h3>
      {moderator.rounds.length === 0 ? <p className="kern-body">{t('live.console.voting.none')}</p> : null}
      {moderator.rounds.map((round) => (
        <RoundCard key={round.id} live={live} round={round} announce={announce} />
      ))}
    </Panel>
  );
}

/** The console's field ids of the round parameters (kept stable for the browser tests and labels). */
const PARAMETER_FIELD_IDS: Record<RoundParameterName, string> = { maxChoices: 'round-max', points: 'round-points' };

/** Each parameter's starting value, from the types that take it. */
const INITIAL_PARAMETERS = Object.fromEntries(
  VOTING_TYPES.flatMap((type) => votingType(type).parameters.map((spec) => [spec.name, String(spec.initial)])),
) as Record<RoundParameterName, string>;

/** The parameters as sent: the type's own ones as numbers (at least their minimum), every other one null. */
function parameterValues(definition: VotingTypeDefinition, values: Record<RoundParameterName, string>): RoundParameters {
  const out: RoundParameters = { ...NO_ROUND_PARAMETERS };
  for (const spec of definition.parameters) out[spec.name] = Number(values[spec.name]) || spec.min;
  return out;
}

function CreateRoundForm({ live, state, announce }: { live: LiveConnection; state: LiveState; announce: Announce }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const [question, setQuestion] = useState('');
  const [type, setType] = useState<VotingType>(VotingType.YesNoAbstain);
  const [options, setOptions] = useState('');
  const [parameters, setParameters] = useState<Record<RoundParameterName, string>>(INITIAL_PARAMETERS);
  const [secret, setSecret] = useState(true);
  const [requireCheckIn, setRequireCheckIn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const definition = votingType(type);
  const needsOptions = definition.options.kind === 'labels';
  const minOptions = definition.options.kind === 'labels' ? definition.options.min : 0;

  async function create(event: FormEvent) {
    event.preventDefault();
    const labels = options
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const issue = !question.trim()
      ? t('live.console.voting.errors.question')
      : needsOptions && (labels.length < minOptions || labels.length > VOTING_OPTIONS_MAX)
        ? t('live.console.voting.errors.options', { max: VOTING_OPTIONS_MAX })
        : null;
    setProblem(issue);
    if (issue) return;
    await action.run(
      () =>
        live.send('round:create', {
          agendaItemId: state.currentItemId,
          question: question.trim(),
          type,
          options: needsOptions ? labels : undefined,
          ...parameterValues(definition, parameters),
          secret,
          requireCheckIn,
        }),
      () => {
        setQuestion('');
        setOptions('');
        announce(t('live.console.voting.created'));
      },
    );
  }

  return (
    <form className="live-form live-form--round" onSubmit={create} noValidate aria-labelledby="console-round-create">
      <h3 className="kern-heading-x-small" id="console-round-create">
        {t('live.console.voting.create')}
      </h3>
      <Field id="round-question" label={t('live.console.voting.question')}>
        <input
          id="round-question"
          className="kern-form-input__input"
          maxLength={300}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
        />
      </Field>
      <Field id="round-type" label={t('live.console.voting.type')}>
        <div className="kern-form-input__select-wrapper">
          <select
            id="round-type"
            className="kern-form-input__select"
            value={type}
            onChange={(event) => setType(event.target.value as VotingType)}
          >
            {VOTING_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(votingType(value).texts.name)}
              </option>
            ))}
          </select>
        </div>
      </Field>
      {needsOptions ? (
        <Field
          id="round-options"
          label={t('live.console.voting.options')}
          hint={t('live.console.voting.optionsHint', { max: VOTING_OPTIONS_MAX })}
        >
          <textarea
            id="round-options"
            className="kern-form-input__input"
            rows={4}
            aria-describedby="round-options-hint"
            value={options}
            onChange={(event) => setOptions(event.target.value)}
          />
        </Field>
      ) : null}
      {definition.parameters.map((spec) => (
        <Field key={spec.name} id={PARAMETER_FIELD_IDS[spec.name]} label={t(spec.label)}>
          <input
            id={PARAMETER_FIELD_IDS[spec.name]}
            className="kern-form-input__input live-number"
            type="number"
            min={spec.min}
            value={parameters[spec.name]}
            onChange={(event) => setParameters((current) => ({ ...current, [spec.name]: event.target.value }))}
          />
        </Field>
      ))}
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id="round-secret"
          checked={secret}
          onChange={(event) => setSecret(event.target.checked)}
        />
        <label className="kern-label" htmlFor="round-secret">
          {t('live.console.voting.secret')}
        </label>
      </div>
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id="round-checkin"
          checked={requireCheckIn}
          onChange={(event) => setRequireCheckIn(event.target.checked)}
        />
        <label className="kern-label" htmlFor="round-checkin">
          {t('live.console.voting.requireCheckIn')}
        </label>
      </div>
      {problem ? (
        <p className="kern-error" role="alert">
          <span className="kern-body">{problem}</span>
        </p>
      ) : null}
      <ActionError action={action} />
      <Button type="submit" icon="add" busy={action.busy}>
        {t('live.console.voting.createSubmit')}
      </Button>
    </form>
  );
}

function RoundCard({ live, round, announce }: { live: LiveConnection; round: LiveRound; announce: Announce }) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const step = (event: 'round:open' | 'round:close' | 'round:publish', done: string) =>
    void action.run(
      () => live.send(event, { roundId: round.id }) as Promise<LiveAck<unknown>>,
      () => announce(done),
    );
  return (
    <article className="live-round" aria-labelledby={`round-${round.id}-title`}>
      <h4 className="kern-heading-x-small" id={`round-${round.id}-title`}>
        {round.question}{' '}
        <Badge variant={round.status === VotingRoundStatus.Open ? 'success' : 'info'}>{t(`live.vote.status.${round.status}`)}</Badge>
      </h4>
      <p className="kern-body kern-body--small">
        {t(votingType(round.type).texts.name)} · {round.secret ? t('live.console.voting.secretShort') : t('live.console.voting.openShort')}
        {round.requireCheckIn ? ` · ${t('live.console.voting.checkInShort')}` : ''} ·{' '}
        {t('live.results.ballots', { count: round.ballotsCast })}
      </p>
      <div className="live-actions">
        {round.status === VotingRoundStatus.Draft ? (
          <Button
            small
            icon="arrow-forward"
            busy={action.busy}
            onClick={() => step('round:open', t('live.announce.roundOpened', { question: round.question }))}
          >
            {t('live.console.voting.open')}
          </Button>
        ) : null}
        {round.status === VotingRoundStatus.Open ? (
          <Button
            small
            icon="close"
            busy={action.busy}
            onClick={() => step('round:close', t('live.announce.roundClosed', { question: round.question }))}
          >
            {t('live.console.voting.close')}
          </Button>
        ) : null}
        {round.status === VotingRoundStatus.Closed ? (
          <Button
            small
            icon="visibility"
            busy={action.busy}
            onClick={() => step('round:publish', t('live.announce.resultsPublished', { question: round.question }))}
          >
            {t('live.console.voting.publish')}
          </Button>
        ) : null}
      </div>
      <ActionError action={action} />
      {round.results ? (
        <ResultTable round={round} result={round.results} caption={t('live.console.voting.tally', { question: round.question })} />
      ) : round.secret && round.status === VotingRoundStatus.Open ? (
        <p className="kern-body kern-body--small">{t('live.console.voting.secretTallyHidden')}</p>
      ) : null}
      {round.status !== VotingRoundStatus.Draft ? <HallTallyForm live={live} round={round} announce={announce} /> : null}
    </article>
  );
}

function HallTallyForm({ live, round, announce }: { live: LiveConnection; round: LiveRound; announce: Announce }) {
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
          <Field key={option.id} id={`hall-${round.id}-${option.id}`} label={optionLabel(t, round, option)}>
            <input
              id={`hall-${round.id}-${option.id}`}
              className="kern-form-input__input live-number"
              type="number"
              min={0}
              inputMode="numeric"
              value={counts[option.id] ?? '0'}
              onChange={(event) => setCounts((current) => ({ ...current, [option.id]: event.target.value }))}
            />
          </Field>
        ))}
        <Field id={`hall-${round.id}-ballots`} label={t('live.console.hall.ballots')}>
          <input
            id={`hall-${round.id}-ballots`}
            className="kern-form-input__input live-number"
            type="number"
            min={0}
            inputMode="numeric"
            value={ballots}
            onChange={(event) => setBallots(event.target.value)}
          />
        </Field>
      </div>
      <Field id={`hall-${round.id}-note`} label={t('live.console.hall.note')}>
        <input
          id={`hall-${round.id}-note`}
          className="kern-form-input__input"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Field>
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
