import type { MeResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { ApiError } from '../../../lib/api-client';
import { useForm } from '../../../lib/use-form';
import { useLogin } from '../api/login';
import { ResendVerificationForm } from './ResendVerificationForm';

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
        <TextField
          {...form.field('email', { label: t('fields.email'), required: true, email: true })}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          {...form.field('password', { label: t('fields.password'), required: true })}
          type="password"
          autoComplete="current-password"
        />
      </Form>
      {unverifiedEmail ? (
        <section className="section" aria-labelledby="resend-title">
          <h2 className="kern-heading-medium" id="resend-title">
            {t('auth.resend.title')}
          </h2>
          <p className="kern-body">{t('auth.resend.intro')}</p>
          <ResendVerificationForm email={unverifiedEmail} />
        </section>
      ) : null}
    </>
  );
}
