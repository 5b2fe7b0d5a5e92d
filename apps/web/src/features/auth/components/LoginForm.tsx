import type { MeResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CurrentPasswordField, EmailField } from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
import { ApiError } from '../../../lib/api-client';
import { useForm } from '../../../lib/use-form';
import { useLogin } from '../api/login';
import { ResendVerificationSection } from './EmailLinkForm';

export function LoginForm({ onSuccess }: { onSuccess: (user: MeResponse) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const form = useForm({
    id: 'login',
    initialValues: { email: '', password: '' },
    onSubmit: async (values) => {
      setUnverifiedEmail(null);
      const email = values.email.trim();
      try {
        onSuccess(await login({ email, password: values.password }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') setUnverifiedEmail(email);
        throw error;
      }
    },
  });

  return (
    <>
      <Form form={form} submitLabel={t('auth.login.submit')} submitIcon="arrow-forward">
        <EmailField {...form.field('email', { label: t('fields.email'), required: true, email: true })} />
        <CurrentPasswordField {...form.field('password', { label: t('fields.password'), required: true })} />
      </Form>
      {unverifiedEmail ? <ResendVerificationSection intro={t('auth.resend.intro')} email={unverifiedEmail} /> : null}
    </>
  );
}
