import { AreaType } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Form } from '../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../components/ui/FormField';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useAreas } from '../../lib/areas';
import { useParticipation } from '../../features/report/api/report';
import { ParticipationView } from '../../features/report/components/ParticipationView';
import { ReportNav } from '../../features/report/components/ReportNav';
import { byName } from '../../lib/format';
import type { FieldErrors } from '../../lib/messages';
import { useForm } from '../../lib/use-form';
import '../../styles/report.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Filter {
  from: string;
  to: string;
  areaId: string;
}

function checkMonths(values: Filter): FieldErrors {
  const errors: FieldErrors = {};
  if (values.from && !MONTH.test(values.from)) errors.from = [{ key: 'report.participation.monthFormat' }];
  if (values.to && !MONTH.test(values.to)) errors.to = [{ key: 'report.participation.monthFormat' }];
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to)
    errors.to = [{ key: 'report.participation.toBeforeFrom' }];
  return errors;
}

function ParticipationFilter({ values, areas, onApply }: { values: Filter; areas: SelectOption[]; onApply: (next: Filter) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'participation-filter',
    initialValues: { ...values } as Record<string, string>,
    validate: (next) => checkMonths(next as unknown as Filter),
    onSubmit: async (next) => onApply({ from: next.from, to: next.to, areaId: next.areaId }),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('common.applyFilter')} submitVariant="secondary" submitIcon="search">
        <div className="form-row">
          <TextField
            {...form.field('from', { label: t('report.participation.from') })}
            type="month"
            hint={t('report.participation.monthHint')}
          />
          <TextField
            {...form.field('to', { label: t('report.participation.to') })}
            type="month"
            hint={t('report.participation.monthHint')}
          />
        </div>
        <SelectField
          {...form.field('areaId', { label: t('report.participation.area') })}
          emptyOption={t('report.participation.allAreas')}
          options={areas}
        />
      </Form>
    </div>
  );
}

/** Participation statistics: proposals, supports, comments and assembly attendance per area and month. */
export function ParticipationRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const read = (name: string) => (MONTH.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  const filter: Filter = { from: read('from'), to: read('to'), areaId: params.get('areaId') ?? '' };
  const stats = useParticipation({ from: filter.from || undefined, to: filter.to || undefined, areaId: filter.areaId || undefined });
  const areas = useAreas();
  const areaOptions = (areas.data ?? [])
    .filter((area) => area.type !== AreaType.District)
    .sort(byName((area) => area.name))
    .map((area) => ({ value: area.id, label: area.name }));

  return (
    <Page title={t('report.participation.title')} lead={t('report.participation.lead')} wide>
      <ReportNav />
      <ParticipationFilter
        key={`${params.toString()}-${areaOptions.length}`}
        values={filter}
        areas={areaOptions}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value)) as Record<string, string>)}
      />
      <QueryState query={stats}>{(data) => <ParticipationView data={data} />}</QueryState>
    </Page>
  );
}
