import { calendarDate } from '@app/shared';
import { ApplicationState, FundDecisionMode, type FundDetail } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useFundActions } from '../api/funds';
import { centsToInput, eurosOrRaw, fundsError, readEuros, useEuro } from './funds-text';

type Values = Record<string, string>;

const line = (index: number, field: string) => `lines.${index}.${field}`;

/**
 * The jury of the project conference enters its decision on every application on the agenda at once:
 * approved (the requested amount or less, then with a public reason) or not (with a public reason).
 * The API applies it whole or not at all, and only once per fund.
 */
export function JuryDecisionForm({ fund, onDone }: { fund: FundDetail; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const actions = useFundActions();
  const agenda = fund.applications.filter((a) => a.state === ApplicationState.OnAgenda);
  const form = useForm<Values>({
    id: `jury-${fund.id}`,
    initialValues: Object.fromEntries([
      ['decisionDate', calendarDate(new Date())],
      ['note', ''],
      ...agenda.flatMap((a, i) => [
        [line(i, 'outcome'), 'approve'],
        [line(i, 'approvedAmountCents'), centsToInput(a.requestedAmountCents, i18n.language)],
        [line(i, 'reason'), ''],
      ]),
    ]),
    validate: (values) => {
      const errors: FieldErrors = {};
      agenda.forEach((_, i) => {
        if (values[line(i, 'outcome')] !== 'approve') return;
        const read = readEuros(values[line(i, 'approvedAmountCents')]);
        if ('problem' in read) errors[line(i, 'approvedAmountCents')] = [read.problem];
      });
      return errors;
    },
    onSubmit: async (values) => {
      const lines = agenda.map((a, i) => ({
        applicationId: a.id,
        approvedAmountCents:
          values[line(i, 'outcome')] === 'approve' ? (eurosOrRaw(values[line(i, 'approvedAmountCents')]) as number) : null,
        reason: values[line(i, 'reason')].trim() || null,
      }));
      try {
        await actions.decideFund(fund.id, {
          mode: FundDecisionMode.Jury,
          decisionDate: values.decisionDate,
          note: values.note.trim() || null,
          lines,
        });
      } catch (error) {
        throw fundsError(error, Object.keys(values), i18n.language);
      }
      onDone(t('funds.jury.done'));
    },
  });
  if (!agenda.length || fund.decided) return null;
  return (
    <section className="section" aria-labelledby="jury-title">
      <h2 className="kern-heading-medium section__title" id="jury-title">
        {t('funds.jury.title')}
      </h2>
      <p className="kern-body">{t('funds.jury.lead')}</p>
      <Form form={form} submitLabel={t('funds.jury.submit')} submitIcon="check">
        {agenda.map((a, i) => (
          <fieldset className="kern-fieldset jury-line" key={a.id}>
            <legend className="kern-label">{t('funds.jury.line', { title: a.title, amount: euro(a.requestedAmountCents) })}</legend>
            <div className="form-row">
              <SelectField
                {...form.field(line(i, 'outcome'), { label: t('funds.jury.outcome') })}
                options={[
                  { value: 'approve', label: t('funds.jury.approve') },
                  { value: 'reject', label: t('funds.jury.reject') },
                ]}
              />
              {form.values[line(i, 'outcome')] === 'approve' ? (
                <TextField
                  {...form.field(line(i, 'approvedAmountCents'), { label: t('funds.fields.approvedAmountCents') })}
                  hint={t('funds.form.euroHint')}
                  inputMode="decimal"
                />
              ) : null}
            </div>
            <TextField
              {...form.field(line(i, 'reason'), { label: t('funds.jury.reason') })}
              hint={t('funds.jury.reasonHint')}
              multiline
              rows={2}
            />
          </fieldset>
        ))}
        <div className="form-row">
          <TextField {...form.field('decisionDate', { label: t('funds.fields.decisionDate'), required: true })} type="date" />
        </div>
        <TextField {...form.field('note', { label: t('funds.jury.note') })} multiline rows={2} />
      </Form>
    </section>
  );
}
