import type { AreaResponse, ProjectDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { AreaCheckboxes, splitIds } from '../../../components/AreaCheckboxes';
import { useProjectActions } from '../api/projects';

/** Limits of a project idea (the API checks them again). */
const TITLE_MIN = 5;
const TITLE_MAX = 200;
const DESCRIPTION_MIN = 20;
const DESCRIPTION_MAX = 5000;

interface IdeaFormProps {
  areas: AreaResponse[];
  allowedAreaIds: Set<string>;
  fieldOptions: SelectOption[];
  /** Pre-chosen area (the board's area). */
  areaId?: string;
  onCreated: (idea: ProjectDetail) => void;
}

/** A new project idea under a Handlungsfeld for one or more areas, right on the grouping board. */
export function IdeaForm({ areas, allowedAreaIds, fieldOptions, areaId, onCreated }: IdeaFormProps) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const form = useForm({
    id: 'idea',
    initialValues: { title: '', description: '', fieldOfActionId: '', areaIds: areaId && allowedAreaIds.has(areaId) ? areaId : '' },
    onSubmit: async (values) => {
      const created = await actions.createIdea({
        title: values.title.trim(),
        description: values.description.trim(),
        fieldOfActionId: values.fieldOfActionId,
        areaIds: splitIds(values.areaIds),
      });
      form.reset();
      onCreated(created);
      return { key: 'projects.grouping.ideaCreated', params: { title: created.title } };
    },
  });
  return (
    <Form form={form} submitLabel={t('projects.grouping.createIdea')} submitIcon="add" submitVariant="secondary">
      <TextField {...form.field('title', { label: t('projects.title'), required: true, minLength: TITLE_MIN, maxLength: TITLE_MAX })} />
      <TextField
        {...form.field('description', {
          label: t('projects.description'),
          required: true,
          minLength: DESCRIPTION_MIN,
          maxLength: DESCRIPTION_MAX,
        })}
        multiline
        rows={4}
      />
      <SelectField
        {...form.field('fieldOfActionId', { label: t('projects.field'), required: true })}
        emptyOption={t('projects.actions.choose')}
        options={fieldOptions}
      />
      <AreaCheckboxes {...form.field('areaIds', { label: t('projects.areas'), required: true })} areas={areas} allowed={allowedAreaIds} />
    </Form>
  );
}
