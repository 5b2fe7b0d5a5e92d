import { ProposalStatus, type AnswerStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useModerateProposal } from '../api/moderation';

const ANSWER_STATUSES: AnswerStatus[] = [
  ProposalStatus.Evaluating,
  ProposalStatus.Accepted,
  ProposalStatus.Rejected,
  ProposalStatus.InProjectIdea,
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A moderator's official answer: a new status with a public explanation. */
export function AnswerForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { answer } = useModerateProposal();
  const form = useForm({
    id: 'answer',
    initialValues: { status: ProposalStatus.Evaluating as string, explanation: '' },
    onSubmit: async (values) => {
      await answer(proposalId, { status: values.status as AnswerStatus, explanation: values.explanation.trim() });
      return { key: 'moderation.answer.done' };
    },
  });
  return (
    <Form form={form} submitLabel={t('moderation.answer.submit')}>
      <SelectField
        {...form.field('status', { label: t('moderation.answer.status'), required: true })}
        options={ANSWER_STATUSES.map((status) => ({ value: status, label: t(`proposalStatus.${status}`) }))}
      />
      <TextField
        {...form.field('explanation', { label: t('moderation.answer.explanation'), required: true, minLength: 10, maxLength: 5000 })}
        multiline
        rows={5}
        hint={t('moderation.answer.explanationHint')}
      />
    </Form>
  );
}

/** Merges this proposal (a duplicate) into another one, named by its address or id. */
export function MergeForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { merge } = useModerateProposal();
  const form = useForm({
    id: 'merge',
    initialValues: { intoId: '', explanation: '' },
    validate: (values): FieldErrors => {
      const id = extractId(values.intoId);
      if (!values.intoId.trim()) return {};
      if (!id) return { intoId: [{ key: 'moderation.merge.invalidTarget' }] };
      if (id === proposalId) return { intoId: [{ key: 'moderation.merge.sameTarget' }] };
      return {};
    },
    onSubmit: async (values) => {
      const explanation = values.explanation.trim();
      await merge(proposalId, { intoId: extractId(values.intoId) ?? '', ...(explanation ? { explanation } : {}) });
      return { key: 'moderation.merge.done' };
    },
  });
  return (
    <Form form={form} submitLabel={t('moderation.merge.submit')} submitVariant="secondary">
      <TextField
        {...form.field('intoId', { label: t('moderation.merge.target'), required: true })}
        hint={t('moderation.merge.targetHint')}
      />
      <TextField {...form.field('explanation', { label: t('moderation.merge.explanation'), maxLength: 5000 })} multiline rows={3} />
    </Form>
  );
}

/** Accepts the target's id or a link to it (…/proposals/<id>). */
function extractId(value: string): string | null {
  const last = value.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  return UUID.test(last) ? last.toLowerCase() : null;
}
