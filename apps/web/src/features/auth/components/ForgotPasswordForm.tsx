import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { requestPasswordReset } from '../api/password-reset';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    id: 'forgot-password',
    initialValues: { email: '' },
    onSubmit: async (values) => {
      await requestPasswordReset({ email: values.email.trim() });
      // Same answer whether or not an account exists: nobody can probe for addresses.
      return { key: 'auth.forgot.sent' };
    },
  });
  return (
    <Form form={form} submitLabel={t('auth.forgot.submit')} submitIcon="mail">
      <TextField
        {...form.field('email', { label: t('fields.email'), required: true, email: true })}
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
    </Form>
  );
}
