import { useTranslation } from 'react-i18next';
import { CurrentPasswordField, NewPasswordFields, newPasswordRules } from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
import { repeatMustMatch, useForm } from '../../../lib/use-form';
import { changePassword } from '../api/change-password';

export function PasswordForm() {
  const { t } = useTranslation();
  const rules = newPasswordRules(t);
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
      <CurrentPasswordField {...form.field('currentPassword', { label: t('fields.currentPassword'), required: true })} />
      <NewPasswordFields password={form.field('newPassword', rules.password)} repeat={form.field('newPasswordRepeat', rules.repeat)} />
    </Form>
  );
}
