import {
  INDICATOR_DECIMALS_MAX,
  INDICATOR_DESCRIPTION_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KEY_MAX,
  INDICATOR_KEY_PATTERN,
  INDICATOR_NAME_MAX,
  INDICATOR_SOURCE_MAX,
  INDICATOR_UNIT_MAX,
  IndicatorDirection,
  type IndicatorDefinition,
} from '@app/shared';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useSaveIndicator } from '../api/report';

/** The API accepts sort positions 0–1000. */
const SORT_ORDER_MAX = 1000;

interface IndicatorFormProps {
  /** null creates a new indicator. */
  indicator: IndicatorDefinition | null;
  cancelPath: string;
  onSaved: (indicator: IndicatorDefinition) => void;
}

function check(values: { key: string; decimals: string; sortOrder: string }, creating: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (creating && values.key.trim() && !INDICATOR_KEY_PATTERN.test(values.key.trim())) errors.key = [{ key: 'report.admin.keyInvalid' }];
  const decimals = values.decimals.trim();
  if (!/^\d$/.test(decimals) || Number(decimals) > INDICATOR_DECIMALS_MAX) {
    errors.decimals = [{ key: 'validation.wholeNumberRange', params: { min: 0, max: INDICATOR_DECIMALS_MAX } }];
  }
  const sortOrder = values.sortOrder.trim();
  if (sortOrder && (!/^\d{1,4}$/.test(sortOrder) || Number(sortOrder) > SORT_ORDER_MAX)) {
    errors.sortOrder = [{ key: 'validation.wholeNumberRange', params: { min: 0, max: SORT_ORDER_MAX } }];
  }
  return errors;
}

/** Create or edit an indicator definition (the key is fixed once created). */
export function IndicatorForm({ indicator, cancelPath, onSaved }: IndicatorFormProps) {
  const { t } = useTranslation();
  const save = useSaveIndicator();
  const creating = !indicator;
  const form = useForm({
    id: 'indicator',
    initialValues: {
      key: indicator?.key ?? '',
      nameDe: indicator?.name.de ?? '',
      nameEn: indicator?.name.en ?? '',
      unit: indicator?.unit ?? '',
      direction: (indicator?.direction ?? IndicatorDirection.LowerIsBetter) as string,
      descriptionDe: indicator?.description.de ?? '',
      descriptionEn: indicator?.description.en ?? '',
      source: indicator?.source ?? '',
      decimals: String(indicator?.decimals ?? 1),
      sortOrder: String(indicator?.sortOrder ?? 0),
    },
    validate: (values) => check(values, creating),
    onSubmit: async (values) => {
      const body = {
        name: { de: values.nameDe.trim(), en: values.nameEn.trim() },
        unit: values.unit.trim(),
        direction: values.direction as IndicatorDirection,
        description: { de: values.descriptionDe.trim(), en: values.descriptionEn.trim() },
        source: values.source.trim(),
        decimals: Number(values.decimals),
        sortOrder: Number(values.sortOrder || 0),
      };
      onSaved(await save(indicator?.key ?? null, creating ? { ...body, key: values.key.trim() } : body));
    },
  });
  return (
    <Form
      form={form}
      submitLabel={creating ? t('report.admin.create') : t('common.save')}
      actions={
        <ButtonLink variant="tertiary" to={cancelPath}>
          {t('common.cancel')}
        </ButtonLink>
      }
    >
      {creating ? (
        <TextField
          {...form.field('key', { label: t('report.admin.key'), required: true, maxLength: INDICATOR_KEY_MAX })}
          hint={t('report.admin.keyHint')}
          spellCheck={false}
          autoCapitalize="none"
        />
      ) : null}
      <div className="form-row">
        <TextField
          {...form.field('nameDe', { label: t('report.admin.nameDe'), required: true, maxLength: INDICATOR_NAME_MAX })}
          lang="de"
        />
        <TextField
          {...form.field('nameEn', { label: t('report.admin.nameEn'), required: true, maxLength: INDICATOR_NAME_MAX })}
          lang="en"
        />
      </div>
      <div className="form-row">
        <TextField
          {...form.field('unit', { label: t('report.admin.unit'), required: true, maxLength: INDICATOR_UNIT_MAX })}
          hint={t('report.admin.unitHint')}
        />
        <SelectField
          {...form.field('direction', { label: t('report.admin.direction'), required: true })}
          options={INDICATOR_DIRECTIONS.map((direction) => ({
            value: direction,
            label: t(direction === IndicatorDirection.HigherIsBetter ? 'report.common.higherIsBetter' : 'report.common.lowerIsBetter'),
          }))}
        />
      </div>
      <TextField
        {...form.field('descriptionDe', { label: t('report.admin.descriptionDe'), maxLength: INDICATOR_DESCRIPTION_MAX })}
        multiline
        lang="de"
      />
      <TextField
        {...form.field('descriptionEn', { label: t('report.admin.descriptionEn'), maxLength: INDICATOR_DESCRIPTION_MAX })}
        multiline
        lang="en"
      />
      <TextField
        {...form.field('source', { label: t('report.admin.source'), required: true, maxLength: INDICATOR_SOURCE_MAX })}
        hint={t('report.admin.sourceHint')}
      />
      <div className="form-row">
        <TextField
          {...form.field('decimals', { label: t('report.admin.decimals'), required: true })}
          type="number"
          inputMode="numeric"
          min={0}
          max={INDICATOR_DECIMALS_MAX}
          step={1}
        />
        <TextField
          {...form.field('sortOrder', { label: t('report.admin.sortOrder') })}
          hint={t('report.admin.sortOrderHint')}
          type="number"
          inputMode="numeric"
          step={1}
        />
      </div>
    </Form>
  );
}
