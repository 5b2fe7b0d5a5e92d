import { useTranslation } from 'react-i18next';
import { NewPasswordFields, newPasswordRules } from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
import { repeatMustMatch, useForm } from '../../../lib/use-form';
import { confirmPasswordReset } from '../api/password-reset';

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const rules = newPasswordRules(t);
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
      <NewPasswordFields password={form.field('password', rules.password)} repeat={form.field('passwordRepeat', rules.repeat)} />
    </Form>
  );
}
