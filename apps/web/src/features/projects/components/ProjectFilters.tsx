import { PROJECT_STATES, type ProjectState } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, type SelectOption } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { stateLabel } from './workflow-text';

export interface ProjectFilterValues {
  state: ProjectState | '';
  fieldOfActionId: string;
  areaId: string;
}

interface ProjectFiltersProps {
  id: string;
  values: ProjectFilterValues;
  areaOptions: SelectOption[];
  fieldOptions: SelectOption[];
  /** Text of the empty state choice (the list shows current projects, the portfolio all). */
  allStatesLabel: string;
  onApply: (values: ProjectFilterValues) => void;
}

/** State, Handlungsfeld and area filters for the Vorhabenliste and the portfolio; the route keeps them in the URL. */
export function ProjectFilters({ id, values, areaOptions, fieldOptions, allStatesLabel, onApply }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const form = useForm({
    id,
    initialValues: { ...values } as Record<string, string>,
    onSubmit: async (next) =>
      onApply({ state: next.state as ProjectState | '', fieldOfActionId: next.fieldOfActionId, areaId: next.areaId }),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('common.applyFilter')} submitIcon="search" submitVariant="secondary">
        <div className="form-row form-row--three">
          <SelectField
            {...form.field('state', { label: t('projects.state') })}
            emptyOption={allStatesLabel}
            options={PROJECT_STATES.map((state) => ({ value: state, label: stateLabel(t, state) }))}
          />
          <SelectField
            {...form.field('fieldOfActionId', { label: t('projects.field') })}
            emptyOption={t('projects.list.allFields')}
            options={fieldOptions}
          />
          <SelectField
            {...form.field('areaId', { label: t('projects.area') })}
            emptyOption={t('projects.list.allAreas')}
            options={areaOptions}
          />
        </div>
      </Form>
    </div>
  );
}

const UUID = /^[0-9a-f-]{36}$/i;

/** Reads the filters from the URL, ignoring anything malformed. */
export function readProjectFilter(params: URLSearchParams): ProjectFilterValues {
  const state = params.get('state') ?? '';
  const uuid = (name: string) => (UUID.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  return {
    state: (PROJECT_STATES as readonly string[]).includes(state) ? (state as ProjectState) : '',
    fieldOfActionId: uuid('fieldOfActionId'),
    areaId: uuid('areaId'),
  };
}

/** Only set values go into the URL, in a fixed order. */
export function projectFilterParams(filter: ProjectFilterValues & { page?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.state) out.state = filter.state;
  if (filter.fieldOfActionId) out.fieldOfActionId = filter.fieldOfActionId;
  if (filter.areaId) out.areaId = filter.areaId;
  if (filter.page && filter.page > 1) out.page = String(filter.page);
  return out;
}
