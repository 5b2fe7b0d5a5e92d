import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { repeatMustMatch, useForm } from '../../../lib/use-form';
import { confirmPasswordReset } from '../api/password-reset';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'reset-password',
    initialValues: { password: '', passwordRepeat: '' },
    validate: (values) => repeatMustMatch(values, 'password', 'passwordRepeat'),
    onSubmit: async (values) => {
      await confirmPasswordReset({ token, password: values.password });
      onDone();
    },
  });
  return (
    <Form form={form} submitLabel={t('auth.reset.submit')}>
      <TextField
        {...form.field('password', {
          label: t('fields.newPassword'),
          required: true,
          minLength: PASSWORD_MIN_LENGTH,
          maxLength: PASSWORD_MAX_LENGTH,
        })}
        hint={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        {...form.field('passwordRepeat', { label: t('fields.newPasswordRepeat'), required: true })}
        type="password"
        autoComplete="new-password"
      />
    </Form>
  );
}
