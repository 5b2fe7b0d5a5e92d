import { AGENDA_ITEM_TYPES, AgendaItemType } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FieldError } from '../../../components/ui/FormField';
import type { FieldIdentity } from '../../../lib/use-form';
import { newVoteDraft, PreparedVoteEditor, type VoteDraft, type VoteFieldIdentities } from './PreparedVoteEditor';

export interface AgendaDraft {
  /** Stable React key; new items get a local one. */
  key: string;
  /** The saved item's id (kept by the API); absent for new items. */
  id?: string;
  title: string;
  type: AgendaItemType;
  description: string;
  /** Used when the item is a vote: its prepared vote. */
  vote: VoteDraft;
}

let counter = 0;
/** A new, empty agenda item; its prepared vote is binding when the assembly's votes are (`requireCheckIn`). */
export function newAgendaDraft(requireCheckIn = false): AgendaDraft {
  counter += 1;
  return { key: `new-${counter}`, title: '', type: AgendaItemType.Information, description: '', vote: newVoteDraft(null, requireCheckIn) };
}

interface AgendaEditorProps {
  items: AgendaDraft[];
  onChange: (items: AgendaDraft[]) => void;
  /** One binding per item for its title (id, label and errors from the form). */
  titleFields: FieldIdentity[];
  /** Errors of the other fields, by item index. */
  descriptionErrors: (index: number) => FieldIdentity;
  /** The prepared vote's fields of a vote item, by item index. */
  voteFields: (index: number) => VoteFieldIdentities;
  /** The assembly's "votes binding" setting: a newly added item's vote starts out binding. */
  bindingByDefault: boolean;
}

type Focus = { key: string; control: 'up' | 'down' | 'remove' | 'title' } | { key: 'add'; control: 'add' };

/**
 * Agenda items in order, each with title, type and description; buttons move an item up or
 * down, remove it or add a new one (all by keyboard). Focus follows the moved item and every
 * change is announced in a polite live region.
 */
export function AgendaEditor({ items, onChange, titleFields, descriptionErrors, voteFields, bindingByDefault }: AgendaEditorProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  // Where focus goes after the re-render a change causes.
  const pendingFocus = useRef<Focus | null>(null);
  const setFocus = (focus: Focus) => {
    pendingFocus.current = focus;
  };
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    if (focus.control === 'add') addRef.current?.querySelector('button')?.focus();
    else listRef.current?.querySelector<HTMLElement>(`[data-agenda="${focus.key}-${focus.control}"]`)?.focus();
  });

  const update = (index: number, patch: Partial<AgendaDraft>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    const item = items[index];
    // Keep focus on the same button unless the item reached the end it was moving to.
    const control = delta === -1 ? (target === 0 ? 'down' : 'up') : target === items.length - 1 ? 'up' : 'down';
    setFocus({ key: item.key, control });
    setAnnouncement(
      t('assemblies.agenda.moved', { title: item.title || t('assemblies.agenda.untitled'), position: target + 1, count: items.length }),
    );
  };

  const remove = (index: number) => {
    const item = items[index];
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? { key: neighbour.key, control: 'remove' } : { key: 'add', control: 'add' });
    setAnnouncement(t('assemblies.agenda.removed', { title: item.title || t('assemblies.agenda.untitled') }));
  };

  const add = () => {
    const item = newAgendaDraft(bindingByDefault);
    onChange([...items, item]);
    setFocus({ key: item.key, control: 'title' });
    setAnnouncement(t('assemblies.agenda.added', { position: items.length + 1 }));
  };

  return (
    <fieldset className="kern-fieldset agenda-editor">
      <legend className="kern-label">{t('assemblies.agenda.title')}</legend>
      <div className="kern-hint">{t('assemblies.agenda.hint')}</div>
      {items.length === 0 ? <p className="kern-body">{t('assemblies.agenda.empty')}</p> : null}
      <ol className="agenda-editor__list" ref={listRef}>
        {items.map((item, index) => {
          const titleField = titleFields[index];
          const description = descriptionErrors(index);
          const hasTitleError = titleField.errors.length > 0;
          const name = item.title || t('assemblies.agenda.untitled');
          return (
            <li key={item.key} className="agenda-editor__item">
              <fieldset className="kern-fieldset">
                <legend className="kern-title agenda-editor__legend">{t('assemblies.agenda.itemLegend', { position: index + 1 })}</legend>
                <div className={`kern-form-input${hasTitleError ? ' kern-form-input--error' : ''}`}>
                  <label className="kern-label" htmlFor={titleField.id}>
                    {t('assemblies.agenda.itemTitle')}
                  </label>
                  <input
                    className={`kern-form-input__input${hasTitleError ? ' kern-form-input__input--error' : ''}`}
                    id={titleField.id}
                    data-agenda={`${item.key}-title`}
                    value={item.title}
                    maxLength={200}
                    required
                    aria-invalid={hasTitleError || undefined}
                    aria-describedby={hasTitleError ? `${titleField.id}-error` : undefined}
                    onChange={(event) => update(index, { title: event.target.value })}
                  />
                  {hasTitleError ? <FieldError id={`${titleField.id}-error`} errors={titleField.errors} /> : null}
                </div>
                <div className="kern-form-input">
                  <label className="kern-label" htmlFor={`${titleField.id}-type`}>
                    {t('assemblies.agenda.itemType')}
                  </label>
                  <div className="kern-form-input__select-wrapper">
                    <select
                      className="kern-form-input__select"
                      id={`${titleField.id}-type`}
                      value={item.type}
                      onChange={(event) => update(index, { type: event.target.value as AgendaItemType })}
                    >
                      {AGENDA_ITEM_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`assemblies.agendaType.${type}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {item.type === AgendaItemType.Vote ? (
                  <PreparedVoteEditor
                    draft={item.vote}
                    onChange={(vote) => update(index, { vote })}
                    fields={voteFields(index)}
                    itemName={name}
                  />
                ) : null}
                <div className={`kern-form-input${description.errors.length > 0 ? ' kern-form-input--error' : ''}`}>
                  <label className="kern-label" htmlFor={description.id}>
                    {t('assemblies.agenda.itemDescription')}
                    <span className="kern-label__optional"> {t('form.optional')}</span>
                  </label>
                  <textarea
                    className="kern-form-input__input"
                    id={description.id}
                    rows={2}
                    value={item.description}
                    aria-invalid={description.errors.length > 0 || undefined}
                    aria-describedby={description.errors.length > 0 ? `${description.id}-error` : undefined}
                    onChange={(event) => update(index, { description: event.target.value })}
                  />
                  {description.errors.length > 0 ? <FieldError id={`${description.id}-error`} errors={description.errors} /> : null}
                </div>
                <div className="agenda-editor__actions">
                  <Button
                    variant="secondary"
                    small
                    icon="arrow-up"
                    data-agenda={`${item.key}-up`}
                    aria-label={`${t('assemblies.agenda.up')}: ${name}`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('assemblies.agenda.up')}
                  </Button>
                  <Button
                    variant="secondary"
                    small
                    icon="arrow-down"
                    data-agenda={`${item.key}-down`}
                    aria-label={`${t('assemblies.agenda.down')}: ${name}`}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('assemblies.agenda.down')}
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    icon="delete"
                    data-agenda={`${item.key}-remove`}
                    aria-label={`${t('assemblies.agenda.remove')}: ${name}`}
                    onClick={() => remove(index)}
                  >
                    {t('assemblies.agenda.remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div ref={addRef}>
        <Button variant="secondary" icon="add" onClick={add}>
          {t('assemblies.agenda.add')}
        </Button>
      </div>
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
