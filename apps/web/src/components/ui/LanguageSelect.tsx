import { htmlLang, isLanguage, LANGUAGE_ENDONYMS, LANGUAGES, type Language } from '@app/shared';
import type { ReactNode } from 'react';
import type { TextBinding } from '../../lib/use-form';
import { FormField, SelectField, type SelectOption } from './FormField';

/** Languages as options, each named in itself and marked with its own `lang`, so a screen reader reads "Türkçe" as Turkish. */
export function languageOptions(languages: readonly Language[] = LANGUAGES): SelectOption[] {
  return languages.map((language) => ({ value: language, label: LANGUAGE_ENDONYMS[language], lang: htmlLang(language) }));
}

/**
 * "Which language is it written in?" in a form bound through useForm (a proposal, a comment): the
 * caller suggests the page's language as the initial value, the author confirms or changes it.
 */
export function WrittenInField(props: TextBinding & { hint?: ReactNode }) {
  return <SelectField {...props} options={languageOptions()} />;
}

interface LanguageSelectProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: Language | '';
  onChange: (language: Language | '') => void;
  /** Default: all ten languages. */
  options?: SelectOption[];
  /** The first option, for "any language" (a filter). */
  emptyOption?: string;
}

/**
 * A choice of language outside useForm: the live assembly's forms (which send over the socket) and
 * filters that apply at once. The same frame as every field; options named in themselves.
 */
export function LanguageSelect({ id, label, hint, value, onChange, options = languageOptions(), emptyOption }: LanguageSelectProps) {
  return (
    <FormField id={id} label={label} hint={hint} inputClass="kern-form-input__select">
      {(aria) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...aria}
            id={id}
            value={value}
            onChange={(event) => {
              const next = event.target.value;
              onChange(isLanguage(next) ? next : '');
            }}
          >
            {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value} lang={option.lang}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FormField>
  );
}
