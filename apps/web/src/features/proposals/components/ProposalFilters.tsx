import { PROPOSAL_SORTS, PROPOSAL_STATUSES, type Language, type ProposalSort, type ProposalStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import { languageOptions } from '../../../components/ui/LanguageSelect';
import { useForm } from '../../../lib/use-form';

export interface ProposalFilterValues {
  q: string;
  areaId: string;
  fieldOfActionId: string;
  status: ProposalStatus | '';
  language: Language | '';
  sort: ProposalSort;
}

interface ProposalFiltersProps {
  values: ProposalFilterValues;
  areaOptions: SelectOption[];
  fieldOptions: SelectOption[];
  onApply: (values: ProposalFilterValues) => void;
}

/** Search, filters and sorting; the route keeps them in the URL. */
export function ProposalFilters({ values, areaOptions, fieldOptions, onApply }: ProposalFiltersProps) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'proposal-filter',
    initialValues: { ...values } as Record<string, string>,
    onSubmit: async (next) =>
      onApply({
        q: next.q.trim(),
        areaId: next.areaId,
        fieldOfActionId: next.fieldOfActionId,
        status: next.status as ProposalStatus | '',
        language: next.language as Language | '',
        sort: next.sort as ProposalSort,
      }),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('proposals.list.apply')} submitIcon="search" submitVariant="secondary">
        <TextField {...form.field('q', { label: t('proposals.list.query'), maxLength: 100 })} type="search" />
        <div className="form-row">
          <SelectField
            {...form.field('areaId', { label: t('proposals.area') })}
            emptyOption={t('proposals.list.allAreas')}
            options={areaOptions}
          />
          <SelectField
            {...form.field('fieldOfActionId', { label: t('proposals.field') })}
            emptyOption={t('proposals.list.allFields')}
            options={fieldOptions}
          />
        </div>
        <div className="form-row">
          <SelectField
            {...form.field('status', { label: t('proposals.statusLabel') })}
            emptyOption={t('proposals.list.allStatuses')}
            options={PROPOSAL_STATUSES.map((status) => ({ value: status, label: t(`proposalStatus.${status}`) }))}
          />
          <SelectField
            {...form.field('language', { label: t('proposals.list.language') })}
            emptyOption={t('proposals.list.allLanguages')}
            options={languageOptions()}
          />
        </div>
        <div className="form-row">
          <SelectField
            {...form.field('sort', { label: t('proposals.list.sort'), required: true })}
            options={PROPOSAL_SORTS.map((sort) => ({ value: sort, label: t(`proposals.sort.${sort}`) }))}
          />
        </div>
      </Form>
    </div>
  );
}
