import type { FieldOfActionResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { CheckboxField, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useSaveFieldOfAction } from '../api/fields-of-action';

interface FieldOfActionFormProps {
  /** null creates a new field of action. */
  field: FieldOfActionResponse | null;
  cancelPath: string;
  onSaved: (field: FieldOfActionResponse) => void;
}

function checkSortOrder(values: { sortOrder: string }): FieldErrors {
  return values.sortOrder && !/^\d{1,4}$/.test(values.sortOrder.trim()) ? { sortOrder: [{ key: 'validation.wholeNumber' }] } : {};
}

export function FieldOfActionForm({ field, cancelPath, onSaved }: FieldOfActionFormProps) {
  const { t } = useTranslation();
  const save = useSaveFieldOfAction();
  const form = useForm({
    id: 'field-of-action',
    initialValues: {
      code: field?.code ?? '',
      'name.de': field?.name.de ?? '',
      'name.en': field?.name.en ?? '',
      'description.de': field?.description.de ?? '',
      'description.en': field?.description.en ?? '',
      sortOrder: String(field?.sortOrder ?? ''),
      active: field?.active ?? true,
    },
    validate: checkSortOrder,
    onSubmit: async (values) => {
      const sortOrder = values.sortOrder.trim();
      onSaved(
        await save(field?.id ?? null, {
          code: values.code.trim(),
          name: { de: values['name.de'].trim(), en: values['name.en'].trim() },
          description: { de: values['description.de'].trim(), en: values['description.en'].trim() },
          sortOrder: sortOrder ? Number(sortOrder) : undefined,
          active: values.active,
        }),
      );
    },
  });

  return (
    <Form
      form={form}
      submitLabel={field ? t('common.save') : t('admin.fields.create')}
      actions={
        <ButtonLink variant="tertiary" to={cancelPath}>
          {t('common.cancel')}
        </ButtonLink>
      }
    >
      <TextField
        {...form.field('code', { label: t('fields.code'), required: true, maxLength: 16 })}
        hint={t('admin.fields.codeHint')}
        spellCheck={false}
        autoCapitalize="characters"
      />
      <div className="form-row">
        <TextField {...form.field('name.de', { label: t('fields.nameDe'), required: true, maxLength: 200 })} lang="de" />
        <TextField {...form.field('name.en', { label: t('fields.nameEn'), required: true, maxLength: 200 })} lang="en" />
      </div>
      <TextField {...form.field('description.de', { label: t('fields.descriptionDe'), required: true, maxLength: 4000 })} multiline />
      <TextField {...form.field('description.en', { label: t('fields.descriptionEn'), required: true, maxLength: 4000 })} multiline />
      <TextField
        {...form.field('sortOrder', { label: t('fields.sortOrder') })}
        hint={t('admin.fields.sortOrderHint')}
        inputMode="numeric"
      />
      <CheckboxField {...form.checkbox('active', { label: t('fields.active') })} hint={t('admin.fields.activeHint')} />
    </Form>
  );
}
