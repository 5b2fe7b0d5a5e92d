import { EMAIL_MAX_LENGTH } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DisplayNameField,
  displayNameRules,
  EmailField,
  LanguageField,
  NewPasswordFields,
  newPasswordRules,
} from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
import { currentLanguage, isLanguage } from '../../../lib/i18n';
import { useForm } from '../../../lib/use-form';
import { register } from '../api/register';

/** `returnTo`: a page of this app the confirmation link in the mail leads back to (after signing in). */
export function RegisterForm({ onRegistered, returnTo }: { onRegistered: (email: string) => void; returnTo?: string | null }) {
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
        ...(returnTo ? { returnTo } : {}),
      });
      onRegistered(email);
    },
  });

  return (
    <Form form={form} submitLabel={t('auth.register.submit')}>
      <DisplayNameField {...form.field('displayName', displayNameRules(t))} />
      <EmailField
        {...form.field('email', { label: t('fields.email'), required: true, email: true, maxLength: EMAIL_MAX_LENGTH })}
        hint={t('fields.emailRegisterHint')}
      />
      <NewPasswordFields password={form.field('password', newPasswordRules(t, t('fields.password')).password)} />
      <LanguageField {...form.field('language', { label: t('fields.language'), required: true })} />
      <p className="kern-body privacy-note">
        {t('auth.register.privacyNote')}{' '}
        <Link className="kern-link" to="/datenschutz">
          {t('footer.privacy')}
        </Link>
      </p>
    </Form>
  );
}
