import type { FundDetail } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useFundActions } from '../api/funds';
import { centsToInput, eurosOrRaw, fundsError, readEuros } from './funds-text';

type Values = Record<string, string>;

interface FundFormProps {
  /** The fund being changed; null opens a new one. */
  fund: FundDetail | null;
  areaOptions: SelectOption[];
  /** The year a new fund is opened for (the year shown on the page). */
  year?: number;
  onSaved: (fund: FundDetail, created: boolean) => void;
  onCancel?: () => void;
}

const MONEY = ['amountCents', 'maxPerApplicationCents'] as const;

/** Opening a fund for an Aktionsraum and year, or changing its money, period, conference date and description. */
export function FundForm({ fund, areaOptions, year = new Date().getFullYear(), onSaved, onCancel }: FundFormProps) {
  const { t, i18n } = useTranslation();
  const actions = useFundActions();
  const form = useForm<Values>({
    id: fund ? `fund-${fund.id}` : 'fund-new',
    initialValues: {
      areaId: fund?.area.id ?? '',
      year: String(fund?.year ?? year),
      amountCents: centsToInput(fund?.balance.amountCents ?? 500000, i18n.language),
      maxPerApplicationCents: centsToInput(fund?.maxPerApplicationCents ?? 150000, i18n.language),
      applicationStart: fund?.applicationStart ?? '',
      applicationEnd: fund?.applicationEnd ?? '',
      conferenceDate: fund?.conferenceDate ?? '',
      description: fund?.description ?? '',
    },
    validate: (values) => {
      const errors: FieldErrors = {};
      for (const field of MONEY) {
        const read = readEuros(values[field]);
        if ('problem' in read) errors[field] = [read.problem];
      }
      if (!/^\d{4}$/.test(values.year.trim())) errors.year = [{ key: 'funds.admin.yearFormat' }];
      if (values.applicationStart && values.applicationEnd && values.applicationEnd < values.applicationStart) {
        errors.applicationEnd = [{ key: 'funds.form.endBeforeStart' }];
      }
      return errors;
    },
    onSubmit: async (values) => {
      const common = {
        amountCents: eurosOrRaw(values.amountCents) as number,
        maxPerApplicationCents: eurosOrRaw(values.maxPerApplicationCents) as number,
        applicationStart: values.applicationStart,
        applicationEnd: values.applicationEnd,
        conferenceDate: values.conferenceDate || null,
        description: values.description.trim() || null,
      };
      try {
        if (fund) onSaved(await actions.updateFund(fund.id, common), false);
        else onSaved(await actions.createFund({ ...common, areaId: values.areaId, year: Number(values.year) }), true);
      } catch (error) {
        throw fundsError(error, Object.keys(values), i18n.language);
      }
    },
  });
  return (
    <Form
      form={form}
      submitLabel={fund ? t('funds.admin.save') : t('funds.admin.create')}
      submitIcon="check"
      actions={
        onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('funds.actions.cancel')}
          </Button>
        ) : null
      }
    >
      {fund ? null : (
        <div className="form-row">
          <SelectField
            {...form.field('areaId', { label: t('funds.fields.actionArea'), required: true })}
            options={areaOptions}
            emptyOption={t('funds.form.choose')}
          />
          <TextField {...form.field('year', { label: t('funds.fields.year'), required: true })} inputMode="numeric" />
        </div>
      )}
      <div className="form-row">
        <TextField
          {...form.field('amountCents', { label: t('funds.fields.amount'), required: true })}
          hint={t('funds.form.euroHint')}
          inputMode="decimal"
        />
        <TextField
          {...form.field('maxPerApplicationCents', { label: t('funds.fields.maxPerApplication'), required: true })}
          hint={t('funds.form.euroHint')}
          inputMode="decimal"
        />
      </div>
      <div className="form-row">
        <TextField {...form.field('applicationStart', { label: t('funds.fields.applicationStart'), required: true })} type="date" />
        <TextField {...form.field('applicationEnd', { label: t('funds.fields.applicationEnd'), required: true })} type="date" />
        <TextField {...form.field('conferenceDate', { label: t('funds.fields.conferenceDate') })} type="date" />
      </div>
      <TextField {...form.field('description', { label: t('funds.fields.description'), maxLength: 5000 })} multiline rows={4} />
    </Form>
  );
}
