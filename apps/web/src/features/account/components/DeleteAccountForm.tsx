import { useTranslation } from 'react-i18next';
import { CurrentPasswordField } from '../../../components/ui/AccountFields';
import { Alert } from '../../../components/ui/Alert';
import { Form } from '../../../components/ui/Form';
import { CheckboxField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { useDeleteAccount } from '../api/delete-account';

/** Deletion needs the password and an explicit confirmation; what stays is said up front. */
export function DeleteAccountForm({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const deleteAccount = useDeleteAccount();
  const form = useForm({
    id: 'delete-account',
    initialValues: { password: '', confirmed: false as boolean },
    onSubmit: async (values) => {
      await deleteAccount({ password: values.password });
      onDeleted();
    },
  });
  return (
    <>
      <Alert variant="warning" title={t('account.delete.warningTitle')}>
        <ul className="kern-list kern-list--bullet">
          <li>{t('account.delete.warningPermanent')}</li>
          <li>{t('account.delete.warningContributions')}</li>
          <li>{t('account.delete.warningExport')}</li>
        </ul>
      </Alert>
      <Form form={form} submitLabel={t('account.delete.submit')} submitVariant="secondary" submitIcon="delete">
        <CheckboxField {...form.checkbox('confirmed', { label: t('account.delete.confirm'), required: true })} />
        <CurrentPasswordField {...form.field('password', { label: t('fields.currentPassword'), required: true })} />
      </Form>
    </>
  );
}
