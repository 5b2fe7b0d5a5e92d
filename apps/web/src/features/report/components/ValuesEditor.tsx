import { INDICATOR_YEAR_MIN, type AreaResponse, type IndicatorDefinition, type IndicatorValue } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { Dialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { QueryState } from '../../../components/ui/QueryState';
import { formatDate } from '../../../lib/format';
import { describeError, translateMessage, type FieldErrors, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useDeleteIndicatorValue, useIndicatorValues, useSetIndicatorValue } from '../api/report';
import { formatDecimalInput, formatWithUnit, isDecimalInput, parseDecimalInput } from './report-format';

const CITY = 'city';
const FORM_ID = 'indicator-value';
const EMPTY = { year: '', value: '' };

function check(values: { year: string; value: string }): FieldErrors {
  const errors: FieldErrors = {};
  const maxYear = new Date().getFullYear();
  const year = Number(values.year);
  if (values.year.trim() && (!/^\d{4}$/.test(values.year.trim()) || year < INDICATOR_YEAR_MIN || year > maxYear)) {
    errors.year = [{ key: 'validation.wholeNumberRange', params: { min: INDICATOR_YEAR_MIN, max: maxYear } }];
  }
  if (values.value.trim() && !isDecimalInput(values.value)) errors.value = [{ key: 'report.admin.decimalInvalid' }];
  return errors;
}

/**
 * The stored values of one indicator for one area (or the whole city), by year: correct one with
 * the form (a row's "Ändern" fills it in), add a year, or delete one after a confirmation.
 */
export function ValuesEditor({ indicator, areas }: { indicator: IndicatorDefinition; areas: AreaResponse[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [areaId, setAreaId] = useState(CITY);
  const values = useIndicatorValues(indicator.key, areaId);
  // While another area's values load, the previous rows stay on screen (marked busy); the caption
  // names the area those rows belong to, never the one just chosen.
  const [shownAreaId, setShownAreaId] = useState(areaId);
  if (!values.isPlaceholderData && values.data && shownAreaId !== areaId) setShownAreaId(areaId);
  const nameOf = (id: string) => (id === CITY ? t('report.common.city') : (areas.find((area) => area.id === id)?.name ?? ''));
  const setValue = useSetIndicatorValue();
  const deleteValue = useDeleteIndicatorValue();
  const [status, setStatus] = useState<{ ok: boolean; message: UiMessage } | null>(null);
  const [deleting, setDeleting] = useState<IndicatorValue | null>(null);
  // The deleted row's button is gone afterwards, so focus moves to the message.
  const statusRef = useRef<HTMLDivElement>(null);
  const areaName = nameOf(areaId);
  const shownAreaName = nameOf(shownAreaId);
  const valueLabel = indicator.unit ? `${t('report.admin.valueValue')} (${indicator.unit})` : t('report.admin.valueValue');

  const form = useForm({
    id: FORM_ID,
    initialValues: EMPTY,
    validate: check,
    onSubmit: async (input) => {
      setStatus(null);
      const year = Number(input.year);
      await setValue(indicator.key, { areaId: areaId === CITY ? null : areaId, year, value: parseDecimalInput(input.value) });
      form.reset();
      return { key: 'report.admin.valueSaved', params: { year, area: areaName } };
    },
  });

  function chooseArea(next: string) {
    setAreaId(next);
    setStatus(null);
    form.reset();
  }

  function edit(row: IndicatorValue) {
    setStatus(null);
    form.reset({ year: String(row.year), value: formatDecimalInput(row.value, language) });
    document.getElementById(`${FORM_ID}-value`)?.focus();
  }

  async function remove(row: IndicatorValue) {
    try {
      await deleteValue(indicator.key, row.id);
      setStatus({ ok: true, message: { key: 'report.admin.valueDeleted', params: { year: row.year, area: areaName } } });
    } catch (error) {
      setStatus({ ok: false, message: describeError(error).formError });
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  const shown = (row: IndicatorValue) => formatWithUnit(row.value, indicator, language);

  return (
    <>
      <SelectField
        id="indicator-values-area"
        name="area"
        label={t('report.admin.valuesArea')}
        required
        errors={[]}
        value={areaId}
        onChange={chooseArea}
        options={[{ value: CITY, label: t('report.common.city') }, ...areas.map((area) => ({ value: area.id, label: area.name }))]}
      />
      <div role="status" ref={statusRef} tabIndex={-1} className="report-values__status">
        {status ? <Alert variant={status.ok ? 'success' : 'danger'} title={translateMessage(t, status.message)} /> : null}
      </div>
      <QueryState query={values}>
        {(list) => (
          <div className="report-values" aria-busy={values.isFetching || undefined}>
            <DataTable
              rows={list}
              rowKey={(row) => row.id}
              label={t('report.admin.valuesTableLabel', { area: shownAreaName })}
              caption={t('report.admin.valuesCaption', { count: list.length, area: shownAreaName })}
              emptyText={t('report.admin.valuesNone', { area: shownAreaName })}
              columns={[
                { id: 'year', header: t('report.admin.valueYear'), rowHeader: true, cell: (row) => row.year },
                { id: 'value', header: t('report.admin.valueValue'), numeric: true, cell: shown },
                { id: 'updated', header: t('report.admin.valueUpdated'), cell: (row) => formatDate(row.updatedAt) },
              ]}
              action={(row) => (
                <div className="report-values__actions">
                  <Button
                    variant="tertiary"
                    small
                    icon="edit"
                    aria-label={`${t('report.admin.editValue')}: ${row.year}, ${shown(row)}`}
                    onClick={() => edit(row)}
                  >
                    {t('report.admin.editValue')}
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    icon="delete"
                    aria-label={`${t('report.admin.deleteValue')}: ${row.year}, ${shown(row)}`}
                    onClick={() => {
                      setStatus(null);
                      setDeleting(row);
                    }}
                  >
                    {t('report.admin.deleteValue')}
                  </Button>
                </div>
              )}
            />
          </div>
        )}
      </QueryState>
      <h3 className="kern-heading-small">{t('report.admin.valueFormTitle', { area: areaName })}</h3>
      <Form form={form} submitLabel={t('report.admin.saveValue')} submitIcon="check">
        <div className="form-row">
          <TextField
            {...form.field('year', { label: t('report.admin.valueYear'), required: true })}
            type="number"
            inputMode="numeric"
            min={INDICATOR_YEAR_MIN}
            max={new Date().getFullYear()}
            hint={t('report.admin.valueYearHint')}
          />
          <TextField
            {...form.field('value', { label: valueLabel, required: true })}
            inputMode="decimal"
            hint={t('report.admin.decimalHint')}
          />
        </div>
      </Form>
      {deleting ? (
        <Dialog id="indicator-value-delete" title={t('report.admin.deleteValueTitle')} onClose={() => setDeleting(null)}>
          {(close) => (
            <>
              <p className="kern-body">
                {t('report.admin.deleteValueText', { value: shown(deleting), area: areaName, year: deleting.year })}
              </p>
              <div className="kern-btn-wrapper">
                <Button
                  variant="primary"
                  icon="delete"
                  data-action="confirm-delete"
                  onClick={() => {
                    void remove(deleting);
                    close();
                  }}
                >
                  {t('report.admin.deleteValueConfirm')}
                </Button>
                <Button variant="secondary" onClick={close}>
                  {t('common.cancel')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
