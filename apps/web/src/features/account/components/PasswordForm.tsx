import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { repeatMustMatch, useForm } from '../../../lib/use-form';
import { changePassword } from '../api/change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    id: 'change-password',
    initialValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
    validate: (values) => repeatMustMatch(values, 'newPassword', 'newPasswordRepeat'),
    onSubmit: async (values) => {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.reset();
      return { key: 'account.password.saved' };
    },
  });
  return (
    <Form form={form} submitLabel={t('account.password.submit')}>
      <TextField
        {...form.field('currentPassword', { label: t('fields.currentPassword'), required: true })}
        type="password"
        autoComplete="current-password"
      />
      <TextField
        {...form.field('newPassword', {
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
        {...form.field('newPasswordRepeat', { label: t('fields.newPasswordRepeat'), required: true })}
        type="password"
        autoComplete="new-password"
      />
    </Form>
  );
}
