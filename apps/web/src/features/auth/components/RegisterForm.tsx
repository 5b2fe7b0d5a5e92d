import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_MIN_LENGTH,
  EMAIL_MAX_LENGTH,
  LANGUAGES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { currentLanguage, isLanguage } from '../../../lib/i18n';
import { useForm } from '../../../lib/use-form';
import { register } from '../api/register';

export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'register',
    initialValues: { displayName: '', email: '', password: '', language: currentLanguage() as string },
    onSubmit: async (values) => {
      const email = values.email.trim();
      await register({
        displayName: values.displayName.trim(),
        email,
        password: values.password,
        language: isLanguage(values.language) ? values.language : undefined,
      });
      onRegistered(email);
    },
  });

  return (
    <Form form={form} submitLabel={t('auth.register.submit')}>
      <TextField
        {...form.field('displayName', {
          label: t('fields.displayName'),
          required: true,
          minLength: DISPLAY_NAME_MIN_LENGTH,
          maxLength: DISPLAY_NAME_MAX_LENGTH,
        })}
        hint={t('fields.displayNameHint', { min: DISPLAY_NAME_MIN_LENGTH, max: DISPLAY_NAME_MAX_LENGTH })}
        autoComplete="nickname"
      />
      <TextField
        {...form.field('email', { label: t('fields.email'), required: true, email: true, maxLength: EMAIL_MAX_LENGTH })}
        hint={t('fields.emailRegisterHint')}
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <TextField
        {...form.field('password', {
          label: t('fields.password'),
          required: true,
          minLength: PASSWORD_MIN_LENGTH,
          maxLength: PASSWORD_MAX_LENGTH,
        })}
        hint={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
      />
      <SelectField
        {...form.field('language', { label: t('fields.language'), required: true })}
        hint={t('fields.languageHint')}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      />
      <p className="kern-body privacy-note">
        {t('auth.register.privacyNote')}{' '}
        <Link className="kern-link" to="/datenschutz">
          {t('footer.privacy')}
        </Link>
      </p>
    </Form>
  );
}
