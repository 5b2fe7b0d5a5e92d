import {
  TARGET_COMPARATORS,
  TARGET_YEAR_MAX,
  TARGET_YEAR_MIN,
  TargetComparator,
  type AreaResponse,
  type IndicatorDefinition,
  type IndicatorTarget,
} from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { describeError, translateMessage, type FieldErrors, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useDeleteTarget, useSaveTarget } from '../api/report';
import { formatWithUnit, isDecimalInput, parseDecimalInput } from './report-format';

const CITY = 'city';

function check(values: { value: string; dueYear: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (values.value.trim() && !isDecimalInput(values.value)) errors.value = [{ key: 'report.admin.decimalInvalid' }];
  const year = Number(values.dueYear);
  if (values.dueYear.trim() && (!/^\d{4}$/.test(values.dueYear.trim()) || year < TARGET_YEAR_MIN || year > TARGET_YEAR_MAX)) {
    errors.dueYear = [{ key: 'validation.wholeNumberRange', params: { min: TARGET_YEAR_MIN, max: TARGET_YEAR_MAX } }];
  }
  return errors;
}

/** The targets of one indicator (city-wide or per area): list with delete, and a form to add one. */
export function TargetsEditor({
  indicator,
  targets,
  areas,
}: {
  indicator: IndicatorDefinition;
  targets: IndicatorTarget[];
  areas: AreaResponse[];
}) {
  const { t, i18n } = useTranslation();
  const saveTarget = useSaveTarget();
  const deleteTarget = useDeleteTarget();
  const [status, setStatus] = useState<{ ok: boolean; message: UiMessage } | null>(null);
  const form = useForm({
    id: 'target',
    initialValues: {
      scope: CITY,
      comparator: TargetComparator.Below as string,
      value: '',
      dueYear: String(new Date().getFullYear() + 5),
      note: '',
    },
    validate: check,
    onSubmit: async (values) => {
      await saveTarget({
        indicatorKey: indicator.key,
        areaId: values.scope === CITY ? null : values.scope,
        comparator: values.comparator as TargetComparator,
        value: parseDecimalInput(values.value),
        dueYear: Number(values.dueYear),
        note: values.note.trim() || null,
      });
      form.reset();
      return { key: 'report.admin.targetCreated' };
    },
  });

  async function remove(target: IndicatorTarget) {
    setStatus(null);
    try {
      await deleteTarget(target.id);
      setStatus({ ok: true, message: { key: 'report.admin.targetDeleted' } });
    } catch (error) {
      setStatus({ ok: false, message: describeError(error).formError });
    }
  }

  const goal = (target: IndicatorTarget) =>
    t(target.comparator === TargetComparator.Below ? 'report.targets.below' : 'report.targets.above', {
      value: formatWithUnit(target.value, indicator, i18n.language),
      year: target.dueYear,
    });

  return (
    <>
      <div role="status">
        {status ? <Alert variant={status.ok ? 'success' : 'danger'} title={translateMessage(t, status.message)} /> : null}
      </div>
      <div className="report-targets-table">
        <DataTable
          rows={targets}
          rowKey={(target) => target.id}
          label={t('report.admin.targetsTitle')}
          caption={t('report.admin.targetsCaption', { count: targets.length })}
          emptyText={t('report.targets.none')}
          columns={[
            {
              id: 'scope',
              header: t('report.admin.targetScope'),
              rowHeader: true,
              cell: (target) => target.areaName ?? t('report.common.city'),
            },
            { id: 'goal', header: t('report.admin.targetGoal'), cell: goal },
            { id: 'note', header: t('report.admin.targetNote'), cell: (target) => target.note ?? '' },
          ]}
          action={(target) => (
            <Button
              variant="tertiary"
              small
              icon="delete"
              aria-label={`${t('report.admin.deleteTarget')}: ${target.areaName ?? t('report.common.city')}, ${goal(target)}`}
              onClick={() => void remove(target)}
            >
              {t('report.admin.deleteTarget')}
            </Button>
          )}
        />
      </div>
      <h3 className="kern-heading-small">{t('report.admin.addTarget')}</h3>
      <Form form={form} submitLabel={t('report.admin.addTarget')} submitIcon="add">
        <div className="form-row">
          <SelectField
            {...form.field('scope', { label: t('report.admin.targetScope'), required: true })}
            options={[{ value: CITY, label: t('report.common.city') }, ...areas.map((area) => ({ value: area.id, label: area.name }))]}
          />
          <SelectField
            {...form.field('comparator', { label: t('report.admin.comparator'), required: true })}
            options={TARGET_COMPARATORS.map((comparator) => ({ value: comparator, label: t(`report.admin.comparators.${comparator}`) }))}
          />
        </div>
        <div className="form-row">
          <TextField
            {...form.field('value', { label: t('report.admin.targetValue', { unit: indicator.unit }), required: true })}
            inputMode="decimal"
            hint={t('report.admin.decimalHint')}
          />
          <TextField
            {...form.field('dueYear', { label: t('report.admin.dueYear'), required: true })}
            type="number"
            inputMode="numeric"
            min={TARGET_YEAR_MIN}
            max={TARGET_YEAR_MAX}
          />
        </div>
        <TextField
          {...form.field('note', { label: t('report.admin.targetNote'), maxLength: 300 })}
          hint={t('report.admin.targetNoteHint')}
        />
      </Form>
    </>
  );
}
