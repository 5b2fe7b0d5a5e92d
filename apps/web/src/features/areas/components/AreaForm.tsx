import { AREA_PARENT_TYPE, AREA_TYPES, AreaType, calendarDate, type AreaResponse, type CreateAreaRequest } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { byName, formatDate } from '../../../lib/format';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useSaveArea } from '../api/areas';

interface AreaFormProps {
  /** null creates a new area. */
  area: AreaResponse | null;
  allAreas: AreaResponse[];
  cancelPath: string;
  onSaved: (area: AreaResponse) => void;
}

/** Bounds of an Aktionsraum's per-person support limit (the API checks them again). */
export const SUPPORT_LIMIT_MIN = 1;
export const SUPPORT_LIMIT_MAX = 1000;

function checkDates(values: { validFrom: string; validTo: string }): FieldErrors {
  return values.validFrom && values.validTo && values.validTo < values.validFrom
    ? { validTo: [{ key: 'validation.validToBeforeFrom' }] }
    : {};
}

function checkSupportLimit(values: { type: string; supportLimit: string }): FieldErrors {
  const text = values.supportLimit.trim();
  if (values.type !== AreaType.ActionArea || !text) return {};
  const value = Number(text);
  return /^\d+$/.test(text) && value >= SUPPORT_LIMIT_MIN && value <= SUPPORT_LIMIT_MAX
    ? {}
    : { supportLimit: [{ key: 'validation.wholeNumberRange', params: { min: SUPPORT_LIMIT_MIN, max: SUPPORT_LIMIT_MAX } }] };
}

export function AreaForm({ area, allAreas, cancelPath, onSaved }: AreaFormProps) {
  const { t } = useTranslation();
  const save = useSaveArea();
  const form = useForm({
    id: 'area',
    initialValues: {
      type: (area?.type ?? AreaType.ActionArea) as string,
      code: area?.code ?? '',
      name: area?.name ?? '',
      description: area?.description ?? '',
      parentId: area?.parentId ?? '',
      validFrom: area?.validFrom ?? calendarDate(new Date()),
      validTo: area?.validTo ?? '',
      supportLimit: area?.supportLimit ? String(area.supportLimit) : '',
    },
    validate: (values) => ({ ...checkDates(values), ...checkSupportLimit(values) }),
    onSubmit: async (values) => {
      const body: Omit<CreateAreaRequest, 'type'> = {
        code: values.code.trim(),
        name: values.name.trim(),
        description: values.description.trim() || null,
        parentId: parentType ? values.parentId || null : null,
        validFrom: values.validFrom,
        validTo: values.validTo || null,
      };
      // Only an Aktionsraum carries a limit; empty means none.
      if (values.type === AreaType.ActionArea) {
        const limit = values.supportLimit.trim();
        body.supportLimit = limit ? Number(limit) : null;
      }
      onSaved(await save(area?.id ?? null, area ? body : { ...body, type: values.type as AreaType }));
    },
  });

  const parentType = AREA_PARENT_TYPE[form.values.type as AreaType] ?? null;
  const parentOptions = allAreas
    .filter((candidate) => candidate.type === parentType && candidate.id !== area?.id)
    .sort(byName((candidate) => candidate.name))
    .map((candidate) => ({
      value: candidate.id,
      label: candidate.current
        ? candidate.name
        : t('admin.areas.retiredOption', { name: candidate.name, date: formatDate(candidate.validTo) }),
    }));

  return (
    <Form
      form={form}
      submitLabel={area ? t('common.save') : t('admin.areas.create')}
      actions={
        <ButtonLink variant="tertiary" to={cancelPath}>
          {t('common.cancel')}
        </ButtonLink>
      }
    >
      <SelectField
        {...form.field('type', { label: t('fields.areaType'), required: true })}
        hint={area ? t('admin.areas.typeFixedHint') : undefined}
        disabled={Boolean(area)}
        options={AREA_TYPES.map((type) => ({ value: type, label: t(`areaTypes.${type}`) }))}
      />
      {parentType ? (
        <SelectField
          {...form.field('parentId', { label: t('fields.parent'), required: true })}
          hint={t('admin.areas.parentHint', { type: t(`areaTypes.${parentType}`) })}
          emptyOption={t('admin.areas.parentChoose')}
          options={parentOptions}
        />
      ) : null}
      <TextField {...form.field('name', { label: t('fields.name'), required: true, maxLength: 120 })} />
      <TextField
        {...form.field('code', { label: t('fields.code'), required: true, maxLength: 64 })}
        hint={t('admin.areas.codeHint')}
        spellCheck={false}
        autoCapitalize="none"
      />
      <TextField {...form.field('description', { label: t('fields.description'), maxLength: 2000 })} multiline />
      <div className="form-row">
        <TextField {...form.field('validFrom', { label: t('fields.validFrom'), required: true })} type="date" />
        <TextField {...form.field('validTo', { label: t('fields.validTo') })} hint={t('admin.areas.validToHint')} type="date" />
      </div>
      {form.values.type === AreaType.ActionArea ? (
        <TextField
          {...form.field('supportLimit', { label: t('fields.supportLimit') })}
          hint={t('admin.areas.supportLimitHint', { min: SUPPORT_LIMIT_MIN, max: SUPPORT_LIMIT_MAX })}
          type="number"
          inputMode="numeric"
          min={SUPPORT_LIMIT_MIN}
          max={SUPPORT_LIMIT_MAX}
          step={1}
        />
      ) : null}
    </Form>
  );
}
