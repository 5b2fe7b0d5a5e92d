import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { resendVerification } from '../api/verify-email';

export function ResendVerificationForm({ email = '' }: { email?: string }) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'resend-verification',
    initialValues: { email },
    onSubmit: async (values) => {
      await resendVerification({ email: values.email.trim() });
      return { key: 'auth.resend.sent' };
    },
  });
  return (
    <Form form={form} submitLabel={t('auth.resend.submit')} submitVariant="secondary" submitIcon="mail">
      <TextField
        {...form.field('email', { label: t('fields.email'), required: true, email: true })}
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
    </Form>
  );
}
