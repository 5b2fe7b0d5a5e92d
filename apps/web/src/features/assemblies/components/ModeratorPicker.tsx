import { Role, type AdminUserResponse, type Page } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { api, query } from '../../../lib/api-client';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';

export interface ChosenModerator {
  id: string;
  displayName: string | null;
}

interface ModeratorPickerProps {
  id: string;
  value: ChosenModerator[];
  onChange: (value: ChosenModerator[]) => void;
}

/**
 * Administrators only (the user search is theirs): find moderators by name or e-mail and add
 * them; the chosen ones are listed with a remove button each. Results are announced politely.
 */
export function ModeratorPicker({ id, value, onChange }: ModeratorPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<AdminUserResponse[] | null>(null);
  const [error, setError] = useState<UiMessage | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<Page<AdminUserResponse>>(`/api/admin/users${query({ q: text.trim(), pageSize: 20 })}`);
      setResults(page.items.filter((user) => !user.deleted && (user.role === Role.Moderator || user.role === Role.Administrator)));
    } catch (caught) {
      setError(describeError(caught).formError);
      setResults(null);
    } finally {
      setBusy(false);
    }
  }

  const chosen = new Set(value.map((moderator) => moderator.id));
  const name = (moderator: { displayName: string | null }) => moderator.displayName ?? t('common.deletedUser');

  return (
    <fieldset className="kern-fieldset moderator-picker">
      <legend className="kern-label">
        {t('assemblies.form.moderators')}
        <span className="kern-label__optional"> {t('form.optional')}</span>
      </legend>
      <div className="kern-hint" id={`${id}-hint`}>
        {t('assemblies.form.moderatorsHint')}
      </div>
      {value.length > 0 ? (
        <ul className="kern-list moderator-picker__chosen" aria-label={t('assemblies.form.moderatorsChosen')}>
          {value.map((moderator) => (
            <li key={moderator.id}>
              <span className="kern-body">{name(moderator)}</span>{' '}
              <Button
                variant="tertiary"
                small
                icon="close"
                aria-label={`${t('assemblies.form.moderatorRemove')}: ${name(moderator)}`}
                onClick={() => onChange(value.filter((item) => item.id !== moderator.id))}
              >
                {t('assemblies.form.moderatorRemove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="moderator-picker__search">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={`${id}-search`}>
            {t('assemblies.form.moderatorSearch')}
          </label>
          <input
            className="kern-form-input__input"
            id={`${id}-search`}
            type="search"
            value={text}
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
          />
        </div>
        <Button variant="secondary" icon="search" busy={busy} onClick={() => void search()}>
          {t('assemblies.form.moderatorSearchButton')}
        </Button>
      </div>
      <div aria-live="polite">
        {error ? <p className="kern-body">{translateMessage(t, error)}</p> : null}
        {results ? (
          results.length === 0 ? (
            <p className="kern-body">{t('assemblies.form.moderatorNone')}</p>
          ) : (
            <ul className="kern-list moderator-picker__results" aria-label={t('assemblies.form.moderatorResults')}>
              {results.map((user) => (
                <li key={user.id}>
                  <span className="kern-body">
                    {name(user)} {user.email ? <span className="moderator-picker__email">({user.email})</span> : null}
                  </span>{' '}
                  <Button
                    variant="secondary"
                    small
                    icon="add"
                    disabled={chosen.has(user.id)}
                    aria-label={`${chosen.has(user.id) ? t('assemblies.form.moderatorAdded') : t('assemblies.form.moderatorAdd')}: ${name(user)}`}
                    onClick={() => onChange([...value, { id: user.id, displayName: user.displayName }])}
                  >
                    {chosen.has(user.id) ? t('assemblies.form.moderatorAdded') : t('assemblies.form.moderatorAdd')}
                  </Button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </fieldset>
  );
}
