import {
  AGENDA_ITEM_TITLE_MAX,
  AGENDA_ITEM_TYPES,
  AgendaItemType,
  LANGUAGE_ENDONYMS,
  VotingRoundStatus,
  votingType,
  type AgendaItem,
  type Language,
} from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../../components/ui/Badge';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { ActionError, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { Panel } from './Panel';
import { TranslationsLive } from './TranslationsEditor';

/** The agenda: which item runs now, and items added during the assembly. */
export function AgendaPanel() {
  const { live, state, moderator, announce, focusOpenRound } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const addAction = useLiveAction();
  const startAction = useLiveAction();
  const openRound = moderator.rounds.find((r) => r.status === VotingRoundStatus.Open);

  const start = (agendaItemId: string) =>
    void startAction.run(
      () => live.send('round:start-prepared', { agendaItemId }),
      (round) => {
        announce(t('live.announce.roundOpened', { question: round.question }));
        focusOpenRound(round.id);
      },
    );
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
          const vote = moderator.preparedVotes.find((p) => p.agendaItemId === item.id)?.vote;
          return (
            <li
              key={item.id}
              className={isCurrent ? 'live-agenda__item is-current' : 'live-agenda__item'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="kern-body">
                <bdi>{item.title}</bdi> <span className="kern-body--small">({t(`live.item.type.${item.type}`)})</span>{' '}
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
              {vote ? (
                <div className="live-agenda__vote">
                  <p className="kern-body kern-body--small">
                    {t('live.console.agenda.prepared')} <strong>{vote.question}</strong> · {t(votingType(vote.type).texts.name)} ·{' '}
                    {vote.secret ? t('live.console.voting.secretShort') : t('live.console.voting.openShort')}
                    {vote.requireCheckIn ? ` · ${t('live.console.voting.checkInShort')}` : ''}
                  </p>
                  {openRound?.agendaItemId === item.id ? (
                    <Badge variant="success">{t('live.console.agenda.voteRunning')}</Badge>
                  ) : (
                    <Button small icon="arrow-forward" busy={startAction.busy} onClick={() => start(item.id)}>
                      {t('live.console.agenda.startVote')}
                      <span className="live-sr-only">: {vote.question}</span>
                    </Button>
                  )}
                </div>
              ) : null}
              <TitleTranslations item={item} />
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
      <ActionError action={startAction} />
      <p className="kern-body kern-body--small">
        <a className="kern-link" href={`/assemblies/${state.assemblyId}/edit`}>
          {t('live.console.agenda.edit')}
        </a>
      </p>
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
        <FormField id="agenda-type" label={t('live.console.agenda.type')} inputClass="kern-form-input__select">
          {(aria) => (
            <div className="kern-form-input__select-wrapper">
              <select id="agenda-type" {...aria} value={type} onChange={(event) => setType(event.target.value as AgendaItemType)}>
                {AGENDA_ITEM_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {t(`live.item.type.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        <ActionError action={addAction} />
        <Button type="submit" variant="secondary" icon="add" busy={addAction.busy}>
          {t('live.console.agenda.addSubmit')}
        </Button>
      </form>
    </Panel>
  );
}

/** An item's title in other languages (phones show their language's, the projector its second one). */
function TitleTranslations({ item }: { item: AgendaItem }) {
  const { live, announce } = useConsole();
  const { t } = useTranslation();
  const send = async (language: Language, title: string | null) => {
    const answer = await live.send('item:translation', { agendaItemId: item.id, language, title });
    const name = LANGUAGE_ENDONYMS[language];
    if (answer.ok)
      announce(t(title === null ? 'live.console.translations.removed' : 'live.console.translations.saved', { language: name }));
    return answer;
  };
  const saved = Object.fromEntries(Object.entries(item.translations ?? {}).map(([language, value]) => [language, { title: value!.title }]));
  return (
    <TranslationsLive
      idPrefix={`item-${item.id}-translation`}
      fields={[{ key: 'title', label: t('live.console.agenda.title'), original: item.title, maxLength: AGENDA_ITEM_TITLE_MAX }]}
      saved={saved}
      onSave={(language, values) => send(language, (values.title ?? '').trim())}
      onRemove={(language) => send(language, null)}
      context={item.title}
    />
  );
}
