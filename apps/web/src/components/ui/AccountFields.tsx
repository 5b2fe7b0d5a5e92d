import { DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldRules, TextBinding } from '../../lib/use-form';
import { SelectField, TextField } from './FormField';
import { languageOptions } from './LanguageSelect';

/*
 * The fields of an account, shared by the auth and account forms. Like TextField they take the
 * binding from form.field(name, rules): field() must run in the form's own render, before <Form>
 * renders the error summary that names each field. The rules with limits come from here too.
 */

type TextInputProps = TextBinding & { hint?: string };

/** Rules of a password being chosen (the server's limits) and of the field repeating it. */
export function newPasswordRules(t: TFunction, label: string = t('fields.newPassword')) {
  return {
    password: { label, required: true, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
    repeat: { label: t('fields.newPasswordRepeat'), required: true },
  } satisfies Record<string, FieldRules>;
}

export function displayNameRules(t: TFunction): FieldRules {
  return { label: t('fields.displayName'), required: true, minLength: DISPLAY_NAME_MIN_LENGTH, maxLength: DISPLAY_NAME_MAX_LENGTH };
}

export function EmailField(props: TextInputProps) {
  return <TextField {...props} type="email" autoComplete="email" spellCheck={false} />;
}

/** A password being checked (sign-in, confirming a change), not chosen. */
export function CurrentPasswordField(props: TextBinding) {
  return <TextField {...props} type="password" autoComplete="current-password" />;
}

/** A password being chosen, with its hint, and optionally the field where it is typed again. */
export function NewPasswordFields({ password, repeat }: { password: TextBinding; repeat?: TextBinding }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField {...password} hint={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })} type="password" autoComplete="new-password" />
      {repeat ? <TextField {...repeat} type="password" autoComplete="new-password" /> : null}
    </>
  );
}

/** The public name shown next to contributions. */
export function DisplayNameField(props: TextBinding) {
  const { t } = useTranslation();
  return (
    <TextField
      {...props}
      hint={t('fields.displayNameHint', { min: DISPLAY_NAME_MIN_LENGTH, max: DISPLAY_NAME_MAX_LENGTH })}
      autoComplete="nickname"
    />
  );
}

/** The account's language for the interface and mails. */
export function LanguageField(props: TextBinding) {
  const { t } = useTranslation();
  return <SelectField {...props} hint={t('fields.languageHint')} options={languageOptions()} />;
}
