import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, type SelectOption } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';

interface AssemblyFilterProps {
  areaId: string;
  options: SelectOption[];
  onApply: (areaId: string) => void;
}

/** The area filter (an area includes its sub-areas); the route keeps it in the URL. */
export function AssemblyFilter({ areaId, options, onApply }: AssemblyFilterProps) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'assembly-filter',
    initialValues: { areaId },
    onSubmit: async (values) => onApply(values.areaId),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('assemblies.list.apply')} submitIcon="search" submitVariant="secondary">
        <SelectField
          {...form.field('areaId', { label: t('assemblies.list.area') })}
          emptyOption={t('assemblies.list.allAreas')}
          options={options}
          hint={t('assemblies.list.areaHint')}
        />
      </Form>
    </div>
  );
}
