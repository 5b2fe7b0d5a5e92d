import { htmlLang, LANGUAGE_ENDONYMS, textDirection, TRANSLATION_LANGUAGES, type Language, type LiveAck } from '@app/shared';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { ActionError, useLiveAction } from '../common';

/** One text a moderator typed and may translate: the question, an option, a title. */
export interface TranslatableField {
  key: string;
  label: string;
  original: string;
  maxLength: number;
}

/** A translation's texts by field key. */
export type FieldValues = Record<string, string>;
export type Drafts = Partial<Record<Language, FieldValues>>;

/** Whether every field of a translation has a text. */
export function complete(fields: readonly TranslatableField[], values: FieldValues | undefined): boolean {
  return fields.every((field) => (values?.[field.key] ?? '').trim() !== '');
}

/** The inputs of one language, each with its original beside it as the hint; typed in that language's direction. */
function LanguageFields({
  idPrefix,
  language,
  fields,
  values,
  onChange,
  firstRef,
  children,
}: {
  idPrefix: string;
  language: Language;
  fields: readonly TranslatableField[];
  values: FieldValues;
  onChange: (values: FieldValues) => void;
  firstRef?: (element: HTMLInputElement | null) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset live-translation">
      <legend className="kern-label live-translation__language" lang={htmlLang(language)}>
        {LANGUAGE_ENDONYMS[language]}
      </legend>
      <div className="kern-fieldset__body">
        {fields.map((field, index) => {
          const id = `${idPrefix}-${language}-${field.key}`;
          return (
            <div className="kern-form-input" key={field.key}>
              <label className="kern-label" htmlFor={id}>
                {field.label} <span className="live-sr-only">({LANGUAGE_ENDONYMS[language]})</span>
              </label>
              <div className="kern-hint" id={`${id}-hint`}>
                {t('live.translation.original')} <bdi lang="de">{field.original}</bdi>
              </div>
              <input
                id={id}
                ref={index === 0 ? firstRef : undefined}
                className="kern-form-input__input"
                lang={htmlLang(language)}
                dir={textDirection(language)}
                maxLength={field.maxLength}
                aria-describedby={`${id}-hint`}
                value={values[field.key] ?? ''}
                onChange={(event) => onChange({ ...values, [field.key]: event.target.value })}
              />
            </div>
          );
        })}
        <div className="live-actions">{children}</div>
      </div>
    </fieldset>
  );
}

/** A language not translated yet, chosen from a list of the languages in themselves, and the button to add it. */
function AddLanguage({ idPrefix, taken, onAdd }: { idPrefix: string; taken: readonly Language[]; onAdd: (language: Language) => void }) {
  const { t } = useTranslation();
  const free = TRANSLATION_LANGUAGES.filter((l) => !taken.includes(l));
  const [chosen, setChosen] = useState<Language | ''>('');
  const language = chosen && free.includes(chosen) ? chosen : (free[0] ?? '');
  if (!free.length) return null;
  const id = `${idPrefix}-add`;
  return (
    <div className="live-translation__add">
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id}>
          {t('live.console.translations.language')}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            className="kern-form-input__select"
            value={language}
            onChange={(event) => setChosen(event.target.value as Language)}
          >
            {free.map((l) => (
              <option key={l} value={l} lang={htmlLang(l)}>
                {LANGUAGE_ENDONYMS[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button variant="secondary" small icon="add" onClick={() => language && onAdd(language)}>
        {t('live.console.translations.add')}
      </Button>
    </div>
  );
}

/** The disclosure around a text's translations: closed by default, with how many there are. */
function Disclosure({ count, hint, context, children }: { count: number; hint?: string; context?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="kern-accordion live-translations">
      <summary className="kern-accordion__header">
        <span className="kern-title">
          {t('live.console.translations.heading', { number: count })}
          {context ? (
            <span className="live-sr-only">
              : <bdi lang="de">{context}</bdi>
            </span>
          ) : null}
        </span>
      </summary>
      <div className="kern-accordion__body">
        <p className="kern-body kern-body--small">{t('live.console.translations.intro')}</p>
        {hint ? <p className="kern-body kern-body--small">{hint}</p> : null}
        {children}
      </div>
    </details>
  );
}

/** Focus goes to the first field of a language just added, once it is there. */
function useFocusNew(): [(language: Language) => void, (language: Language) => (element: HTMLInputElement | null) => void] {
  const pending = useRef<Language | null>(null);
  const focusNext = (language: Language) => {
    pending.current = language;
  };
  const refFor = (language: Language) => (element: HTMLInputElement | null) => {
    if (element && pending.current === language) {
      pending.current = null;
      element.focus();
    }
  };
  return [focusNext, refFor];
}

/**
 * Translations entered with a new round (sent with round:create): one block per language, edited in
 * place; the round's create button sends them.
 */
export function TranslationsDraft({
  idPrefix,
  fields,
  drafts,
  onChange,
  hint,
}: {
  idPrefix: string;
  fields: readonly TranslatableField[];
  drafts: Drafts;
  onChange: (drafts: Drafts) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [focusNext, refFor] = useFocusNew();
  const addRef = useRef<HTMLDivElement>(null);
  const languages = TRANSLATION_LANGUAGES.filter((l) => drafts[l]);
  return (
    <Disclosure count={languages.length} hint={hint}>
      {languages.map((language) => (
        <LanguageFields
          key={language}
          idPrefix={idPrefix}
          language={language}
          fields={fields}
          values={drafts[language] ?? {}}
          onChange={(values) => onChange({ ...drafts, [language]: values })}
          firstRef={refFor(language)}
        >
          <Button
            variant="tertiary"
            small
            icon="delete"
            onClick={() => {
              const next = { ...drafts };
              delete next[language];
              onChange(next);
              addRef.current?.querySelector('select')?.focus();
            }}
          >
            {t('live.console.translations.remove', { language: LANGUAGE_ENDONYMS[language] })}
          </Button>
        </LanguageFields>
      ))}
      <div ref={addRef}>
        <AddLanguage
          idPrefix={idPrefix}
          taken={languages}
          onAdd={(language) => {
            focusNext(language);
            onChange({ ...drafts, [language]: {} });
          }}
        />
      </div>
    </Disclosure>
  );
}

/** One saved (or newly added) language of a live text: its own form, saved and removed on its own. */
function LiveLanguage({
  idPrefix,
  language,
  fields,
  saved,
  firstRef,
  onSave,
  onRemove,
  onDiscard,
}: {
  idPrefix: string;
  language: Language;
  fields: readonly TranslatableField[];
  saved: FieldValues | undefined;
  firstRef: (element: HTMLInputElement | null) => void;
  onSave: (values: FieldValues) => Promise<LiveAck<unknown>>;
  onRemove: () => Promise<LiveAck<unknown>>;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const action = useLiveAction();
  const [values, setValues] = useState<FieldValues>(saved ?? {});
  const [dirty, setDirty] = useState(false);
  const [missing, setMissing] = useState(false);
  // What is saved (as stored: trimmed; or changed by another moderator) shows unless this form has changes of its own.
  const savedKey = JSON.stringify(saved ?? null);
  const [shownKey, setShownKey] = useState(savedKey);
  if (savedKey !== shownKey) {
    setShownKey(savedKey);
    if (!dirty) setValues(saved ?? {});
  }
  const errorId = `${idPrefix}-${language}-missing`;

  async function save(event: FormEvent) {
    event.preventDefault();
    const incomplete = !complete(fields, values);
    setMissing(incomplete);
    if (incomplete) return;
    await action.run(
      () => onSave(values),
      () => setDirty(false),
    );
  }

  return (
    <form onSubmit={save} noValidate aria-describedby={missing ? errorId : undefined}>
      <LanguageFields
        idPrefix={idPrefix}
        language={language}
        fields={fields}
        values={values}
        onChange={(next) => {
          setDirty(true);
          setValues(next);
        }}
        firstRef={firstRef}
      >
        <Button type="submit" small icon="check" busy={action.busy}>
          {t('live.console.translations.save', { language: LANGUAGE_ENDONYMS[language] })}
        </Button>
        <Button variant="tertiary" small icon="delete" busy={action.busy} onClick={() => (saved ? void action.run(onRemove) : onDiscard())}>
          {t('live.console.translations.remove', { language: LANGUAGE_ENDONYMS[language] })}
        </Button>
      </LanguageFields>
      {missing ? (
        <p className="kern-error" id={errorId} role="alert">
          <span className="kern-body">{t('live.console.translations.incomplete')}</span>
        </p>
      ) : null}
      <ActionError action={action} />
    </form>
  );
}

/**
 * The translations of a text that exists (a round until it closes, an agenda item's title): each
 * language saved or removed on its own (round:translation, item:translation); phones and the
 * projector get them with the next state.
 */
export function TranslationsLive({
  idPrefix,
  fields,
  saved,
  onSave,
  onRemove,
  hint,
  context,
}: {
  idPrefix: string;
  fields: readonly TranslatableField[];
  saved: Partial<Record<Language, FieldValues>>;
  onSave: (language: Language, values: FieldValues) => Promise<LiveAck<unknown>>;
  onRemove: (language: Language) => Promise<LiveAck<unknown>>;
  hint?: string;
  /** What is translated (for screen readers, where several such lists follow each other). */
  context?: string;
}) {
  const [added, setAdded] = useState<Language[]>([]);
  const [focusNext, refFor] = useFocusNew();
  const addRef = useRef<HTMLDivElement>(null);
  const savedLanguages = TRANSLATION_LANGUAGES.filter((l) => saved[l]);
  const languages = TRANSLATION_LANGUAGES.filter((l) => saved[l] || added.includes(l));
  return (
    <Disclosure count={savedLanguages.length} hint={hint} context={context}>
      {languages.map((language) => (
        <LiveLanguage
          key={language}
          idPrefix={idPrefix}
          language={language}
          fields={fields}
          saved={saved[language]}
          firstRef={refFor(language)}
          onSave={async (values) => {
            const answer = await onSave(language, values);
            if (answer.ok) setAdded((current) => current.filter((l) => l !== language));
            return answer;
          }}
          onRemove={async () => {
            const answer = await onRemove(language);
            if (answer.ok) addRef.current?.querySelector('select')?.focus();
            return answer;
          }}
          onDiscard={() => {
            setAdded((current) => current.filter((l) => l !== language));
            addRef.current?.querySelector('select')?.focus();
          }}
        />
      ))}
      <div ref={addRef}>
        <AddLanguage
          idPrefix={idPrefix}
          taken={languages}
          onAdd={(language) => {
            focusNext(language);
            setAdded((current) => [...current, language]);
          }}
        />
      </div>
    </Disclosure>
  );
}
