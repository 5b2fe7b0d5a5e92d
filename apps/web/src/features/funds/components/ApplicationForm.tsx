import {
  FundApplicantKind,
  type ApplicationDetail,
  type ApplicationCostItem,
  type CreateApplicationRequest,
  type FundSummary,
} from '@app/shared/funds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useFundActions } from '../api/funds';
import { CostItems, costItemValues, readCostItems } from './CostItems';
import { fundsError } from './funds-text';

type Values = Record<string, string>;

export interface ApplicationFormProps {
  fund: FundSummary;
  /** The draft (or returned application) being edited; null when applying. */
  application: ApplicationDetail | null;
  fieldOptions: SelectOption[];
  neighbourhoodOptions: SelectOption[];
  /** Moderators and administrators enter paper applications: they see the source note. */
  staff: boolean;
  /** The proposal it starts from (?vorschlag= in the link from a proposal). */
  proposalId: string | null;
  onSaved: (saved: ApplicationDetail, created: boolean) => void;
}

function initialValues(application: ApplicationDetail | null, proposalId: string | null, language: string): Values {
  const a = application;
  return {
    title: a?.title ?? '',
    purpose: a?.purpose ?? '',
    fieldOfActionId: a?.fieldOfActionId ?? '',
    neighbourhoodId: a?.neighbourhood?.id ?? '',
    startDate: a?.startDate ?? '',
    endDate: a?.endDate ?? '',
    applicantKind: a?.applicantKind ?? FundApplicantKind.Person,
    applicantName: a?.applicantName ?? '',
    'contact.name': a?.contact?.name ?? '',
    'contact.email': a?.contact?.email ?? '',
    'contact.phone': a?.contact?.phone ?? '',
    'contact.address': a?.contact?.address ?? '',
    proposalId: a?.proposalId ?? proposalId ?? '',
    sourceNote: a?.sourceNote ?? '',
    ...costItemValues(a?.costItems ?? [{ label: '', amountCents: 0 }], language, !a),
  };
}

/** A proposal's address or its id: the id is the last part of /proposals/<id>. */
function proposalRef(text: string): string | null {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (!trimmed) return null;
  return trimmed.split('/').pop() ?? null;
}

const or = (text: string) => (text.trim() ? text.trim() : null);

/**
 * Applying to a fund, and changing a draft or a returned application: the requested amount is the sum
 * of the cost items, shown as they are typed. Saving keeps it a draft; submitting is the next step on
 * the application's page.
 */
export function ApplicationForm({
  fund,
  application,
  fieldOptions,
  neighbourhoodOptions,
  staff,
  proposalId,
  onSaved,
}: ApplicationFormProps) {
  const { t, i18n } = useTranslation();
  const actions = useFundActions();
  const [rows, setRows] = useState(() => Math.max(1, application?.costItems.length ?? 1));
  const form = useForm<Values>({
    id: 'application',
    initialValues: initialValues(application, proposalId, i18n.language),
    validate: (values) => {
      const { errors, total } = readCostItems(values, rows);
      const more: FieldErrors = { ...errors };
      if (total !== null && total > fund.maxPerApplicationCents) {
        more.requestedAmountCents = [{ key: 'funds.form.aboveMaximum' }];
      }
      if (values.startDate && values.endDate && values.endDate < values.startDate) more.endDate = [{ key: 'funds.form.endBeforeStart' }];
      return more;
    },
    onSubmit: async (values) => {
      const { items } = readCostItems(values, rows);
      const costItems: ApplicationCostItem[] = items;
      const body: CreateApplicationRequest = {
        title: values.title.trim(),
        purpose: values.purpose.trim(),
        fieldOfActionId: or(values.fieldOfActionId),
        neighbourhoodId: or(values.neighbourhoodId),
        costItems,
        requestedAmountCents: costItems.reduce((sum, item) => sum + item.amountCents, 0),
        startDate: or(values.startDate),
        endDate: or(values.endDate),
        applicantKind: values.applicantKind as FundApplicantKind,
        applicantName: values.applicantName.trim(),
        contact: {
          name: values['contact.name'].trim(),
          email: or(values['contact.email']),
          phone: or(values['contact.phone']),
          address: or(values['contact.address']),
        },
        proposalId: proposalRef(values.proposalId),
      };
      try {
        if (application) {
          onSaved(await actions.updateApplication(application.id, body), false);
        } else {
          const created = await actions.createApplication(fund.id, { ...body, sourceNote: staff ? or(values.sourceNote) : undefined });
          onSaved(created, true);
        }
      } catch (error) {
        throw fundsError(error, [...Object.keys(values), 'requestedAmountCents'], i18n.language);
      }
    },
  });
  const kinds = Object.values(FundApplicantKind).map((kind) => ({ value: kind, label: t(`funds.applicantKinds.${kind}`) }));

  return (
    <Form form={form} submitLabel={t('funds.form.saveDraft')} submitIcon="check">
      <TextField {...form.field('title', { label: t('funds.fields.title'), required: true, maxLength: 200 })} />
      <TextField
        {...form.field('purpose', { label: t('funds.fields.purpose'), required: true, maxLength: 5000 })}
        hint={t('funds.form.purposeHint')}
        multiline
        rows={6}
      />
      <SelectField
        {...form.field('fieldOfActionId', { label: t('funds.fields.fieldOfAction') })}
        options={fieldOptions}
        emptyOption={t('funds.form.choose')}
      />
      <SelectField
        {...form.field('neighbourhoodId', { label: t('funds.fields.neighbourhood') })}
        hint={t('funds.form.neighbourhoodHint', { area: fund.area.name })}
        options={neighbourhoodOptions}
        emptyOption={t('funds.form.wholeArea')}
      />
      <CostItems
        bindings={Array.from({ length: rows }, (_, index) => ({
          label: form.field(`costItems.${index}.label`, {
            label: t('funds.fields.costLabel', { number: index + 1 }),
            required: true,
            maxLength: 200,
          }),
          amount: form.field(`costItems.${index}.amountCents`, {
            label: t('funds.fields.costAmount', { number: index + 1 }),
            required: true,
          }),
        }))}
        sum={form.field('requestedAmountCents', { label: t('funds.fields.requestedAmount') })}
        maxCents={fund.maxPerApplicationCents}
        onAdd={() => {
          form.setValue(`costItems.${rows}.label`, '');
          form.setValue(`costItems.${rows}.amountCents`, '');
          setRows(rows + 1);
          requestAnimationFrame(() => document.getElementById(`application-costItems-${rows}-label`)?.focus());
        }}
        onRemove={(index) => {
          for (let i = index; i < rows - 1; i += 1) {
            form.setValue(`costItems.${i}.label`, form.values[`costItems.${i + 1}.label`] ?? '');
            form.setValue(`costItems.${i}.amountCents`, form.values[`costItems.${i + 1}.amountCents`] ?? '');
          }
          setRows(rows - 1);
          requestAnimationFrame(() => document.getElementById('cost-items-title')?.focus());
        }}
      />
      <div className="form-row">
        <TextField {...form.field('startDate', { label: t('funds.fields.startDate') })} type="date" />
        <TextField {...form.field('endDate', { label: t('funds.fields.endDate') })} type="date" />
      </div>
      <SelectField {...form.field('applicantKind', { label: t('funds.fields.applicantKind'), required: true })} options={kinds} />
      <TextField
        {...form.field('applicantName', { label: t('funds.fields.applicantName'), required: true, maxLength: 200 })}
        hint={t('funds.form.applicantNameHint')}
      />
      <fieldset className="kern-fieldset application-contact">
        <legend className="kern-label">{t('funds.form.contactTitle')}</legend>
        <p className="kern-hint">{t('funds.form.contactPrivate')}</p>
        <TextField
          {...form.field('contact.name', { label: t('funds.fields.contactName'), required: true, maxLength: 200 })}
          autoComplete="name"
        />
        <TextField {...form.field('contact.email', { label: t('funds.fields.email'), email: true })} type="email" autoComplete="email" />
        <TextField {...form.field('contact.phone', { label: t('funds.fields.phone'), maxLength: 50 })} type="tel" autoComplete="tel" />
        <TextField
          {...form.field('contact.address', { label: t('funds.fields.address'), maxLength: 500 })}
          autoComplete="street-address"
          multiline
          rows={2}
        />
      </fieldset>
      <TextField {...form.field('proposalId', { label: t('funds.fields.proposal') })} hint={t('funds.form.proposalHint')} />
      {staff && !application ? (
        <TextField
          {...form.field('sourceNote', { label: t('funds.fields.sourceNote'), maxLength: 500 })}
          hint={t('funds.form.sourceNoteHint')}
        />
      ) : null}
      {application ? null : <p className="kern-body">{t('funds.form.afterSave')}</p>}
    </Form>
  );
}
