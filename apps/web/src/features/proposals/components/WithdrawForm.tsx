import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { useWithdrawProposal } from '../api/proposals';

/** The author withdraws the proposal, with an optional public reason. */
export function WithdrawForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawProposal();
  const form = useForm({
    id: 'withdraw',
    initialValues: { reason: '' },
    onSubmit: async (values) => {
      await withdraw(proposalId, values.reason.trim());
      return { key: 'proposals.withdraw.done' };
    },
  });
  return (
    <Form form={form} submitLabel={t('proposals.withdraw.submit')} submitVariant="secondary" submitIcon="close">
      <TextField
        {...form.field('reason', { label: t('proposals.withdraw.reason'), maxLength: 1000 })}
        multiline
        rows={3}
        hint={t('proposals.withdraw.reasonHint')}
      />
    </Form>
  );
}
