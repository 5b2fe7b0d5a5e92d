import { TOKEN_TTL_HOURS, type EmailRequest } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { EmailField } from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
import type { UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { requestPasswordReset } from '../api/password-reset';
import { resendVerification } from '../api/verify-email';

interface LinkPurpose {
  id: string;
  send: (body: EmailRequest) => Promise<unknown>;
  submitKey: string;
  sent: UiMessage;
  variant: 'primary' | 'secondary';
}

/**
 * The two forms that only ask for an address and mail a link. Both answer the same whether or
 * not an account exists, so nobody can probe for addresses.
 */
const PURPOSES: Record<'resetPassword' | 'verifyEmail', LinkPurpose> = {
  resetPassword: {
    id: 'forgot-password',
    send: requestPasswordReset,
    submitKey: 'auth.forgot.submit',
    sent: { key: 'auth.forgot.sent', params: { hours: TOKEN_TTL_HOURS.resetPassword } },
    variant: 'primary',
  },
  verifyEmail: {
    id: 'resend-verification',
    send: resendVerification,
    submitKey: 'auth.resend.submit',
    sent: { key: 'auth.resend.sent' },
    variant: 'secondary',
  },
};

interface EmailLinkFormProps {
  purpose: keyof typeof PURPOSES;
  /** Prefills the address (e.g. the one just used to sign in). */
  email?: string;
}

export function EmailLinkForm({ purpose, email = '' }: EmailLinkFormProps) {
  const { t } = useTranslation();
  const { id, send, submitKey, sent, variant } = PURPOSES[purpose];
  const form = useForm({
    id,
    initialValues: { email },
    onSubmit: async (values) => {
      await send({ email: values.email.trim() });
      return sent;
    },
  });
  return (
    <Form form={form} submitLabel={t(submitKey)} submitVariant={variant} submitIcon="mail">
      <EmailField {...form.field('email', { label: t('fields.email'), required: true, email: true })} />
    </Form>
  );
}

/** Offered where a sign-in or a confirmation link failed because the address is not confirmed yet. */
export function ResendVerificationSection({ intro, email }: { intro: string; email?: string }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="resend-title">
      <h2 className="kern-heading-medium" id="resend-title">
        {t('auth.resend.title')}
      </h2>
      <p className="kern-body">{intro}</p>
      <EmailLinkForm purpose="verifyEmail" email={email} />
    </section>
  );
}
