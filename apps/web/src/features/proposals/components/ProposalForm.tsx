import {
  isLanguage,
  PROPOSAL_BODY_MAX,
  PROPOSAL_BODY_MIN,
  PROPOSAL_TITLE_MAX,
  PROPOSAL_TITLE_MIN,
  type ProposalDetail,
  type SimilarProposal,
} from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Form } from '../../../components/ui/Form';
import { CheckboxField, SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import { WrittenInField } from '../../../components/ui/LanguageSelect';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import { currentLanguage } from '../../../lib/i18n';
import { useDebounced } from '../../../lib/use-debounced';
import { useForm } from '../../../lib/use-form';
import { useSaveProposal, useSimilarProposals } from '../api/proposals';

interface ProposalFormProps {
  /** null: a new proposal. */
  proposal: ProposalDetail | null;
  areaOptions: SelectOption[];
  fieldOptions: SelectOption[];
  onSaved: (saved: ProposalDetail) => void;
  actions?: ReactNode;
  /** Moderators may enter paper or oral input on someone's behalf, naming its source. */
  canEnterOnBehalf?: boolean;
}

export function ProposalForm({ proposal, areaOptions, fieldOptions, onSaved, actions, canEnterOnBehalf = false }: ProposalFormProps) {
  const { t } = useTranslation();
  const save = useSaveProposal();
  const form = useForm({
    id: 'proposal',
    initialValues: {
      title: proposal?.title ?? '',
      body: proposal?.body ?? '',
      fieldOfActionId: proposal?.fieldOfAction.id ?? '',
      areaId: proposal?.area.id ?? '',
      address: proposal?.location?.address ?? '',
      onBehalf: false as boolean,
      sourceNote: '',
      // Suggested: the language of the page; the author confirms or changes it.
      language: proposal?.language ?? currentLanguage(),
    },
    onSubmit: async (values) => {
      const address = values.address.trim();
      const body = {
        title: values.title.trim(),
        body: values.body.trim(),
        fieldOfActionId: values.fieldOfActionId,
        areaId: values.areaId,
        address: address || null,
      };
      const onBehalf = !proposal && canEnterOnBehalf && values.onBehalf;
      const created = proposal ? body : { ...body, language: isLanguage(values.language) ? values.language : undefined };
      const saved = await save(proposal?.id ?? null, onBehalf ? { ...created, sourceNote: values.sourceNote.trim() } : created);
      onSaved(saved);
    },
  });
  const text = useDebounced(form.values.title, 500);
  const similar = useSimilarProposals(
    { text, areaId: form.values.areaId || undefined, fieldOfActionId: form.values.fieldOfActionId || undefined },
    proposal?.id,
  );
  const hints = text.trim().length >= 3 ? (similar.data ?? []) : [];

  return (
    <Form
      form={form}
      submitLabel={proposal ? t('common.save') : t('proposals.form.submit')}
      submitIcon={proposal ? undefined : 'arrow-forward'}
      actions={actions}
    >
      <TextField
        {...form.field('title', {
          label: t('proposals.form.title'),
          required: true,
          minLength: PROPOSAL_TITLE_MIN,
          maxLength: PROPOSAL_TITLE_MAX,
        })}
        hint={t('proposals.form.titleHint', { min: PROPOSAL_TITLE_MIN, max: PROPOSAL_TITLE_MAX })}
        autoComplete="off"
      />
      <SimilarHints items={hints} />
      <TextField
        {...form.field('body', {
          label: t('proposals.form.body'),
          required: true,
          minLength: PROPOSAL_BODY_MIN,
          maxLength: PROPOSAL_BODY_MAX,
        })}
        hint={t('proposals.form.bodyHint', { min: PROPOSAL_BODY_MIN, max: PROPOSAL_BODY_MAX })}
        multiline
        rows={10}
      />
      <div className="form-row">
        <SelectField
          {...form.field('fieldOfActionId', { label: t('proposals.field'), required: true })}
          emptyOption={t('proposals.form.choose')}
          options={fieldOptions}
        />
        <SelectField
          {...form.field('areaId', { label: t('proposals.area'), required: true })}
          emptyOption={t('proposals.form.choose')}
          options={areaOptions}
        />
      </div>
      {!proposal ? (
        <WrittenInField
          {...form.field('language', { label: t('proposals.form.language'), required: true })}
          hint={t('proposals.form.languageHint')}
        />
      ) : null}
      <TextField
        {...form.field('address', { label: t('proposals.form.address'), maxLength: 200 })}
        hint={t('proposals.form.addressHint')}
        autoComplete="off"
      />
      {!proposal && canEnterOnBehalf ? (
        <CheckboxField {...form.checkbox('onBehalf', { label: t('proposals.form.onBehalf') })} hint={t('proposals.form.onBehalfHint')} />
      ) : null}
      {!proposal && canEnterOnBehalf && form.values.onBehalf ? (
        <TextField
          {...form.field('sourceNote', { label: t('proposals.form.sourceNote'), required: true, maxLength: 300 })}
          hint={t('proposals.form.sourceNoteHint')}
        />
      ) : null}
    </Form>
  );
}

/** "Does this exist already?" – announced politely while typing, each hint a link. */
function SimilarHints({ items }: { items: SimilarProposal[] }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" className="similar-hints">
      {items.length > 0 ? (
        <div className="kern-alert kern-alert--info app-alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <p className="kern-title">{t('proposals.similar.title', { count: items.length })}</p>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{t('proposals.similar.text')}</p>
            <ul className="kern-list kern-list--bullet similar-hints__list">
              {items.slice(0, 5).map((item) => (
                <li key={item.id}>
                  <Link className="kern-link" to={`/proposals/${item.id}`} target="_blank" rel="noopener">
                    {item.title}
                    <span className="kern-sr-only"> {t('proposals.similar.newWindow')}</span>
                  </Link>{' '}
                  <StatusBadge status={item.status} />{' '}
                  <span className="similar-hints__count">{t('proposals.similar.supports', { count: item.supportCount })}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}
