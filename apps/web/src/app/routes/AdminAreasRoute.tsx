import { AREA_TYPES, type AreaType } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Form } from '../../components/ui/Form';
import { SelectField } from '../../components/ui/FormField';
import { QueryState } from '../../components/ui/QueryState';
import { useAreas } from '../../lib/areas';
import { AreaTable } from '../../features/areas/components/AreaTable';
import { byName } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { AdminListPage } from '../layout/AdminPages';

type Validity = 'all' | 'current';

function AreaFilter({
  type,
  validity,
  onApply,
}: {
  type: string;
  validity: Validity;
  onApply: (type: string, validity: Validity) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'area-filter',
    initialValues: { type, validity: validity as string },
    onSubmit: async (values) => onApply(values.type, values.validity === 'current' ? 'current' : 'all'),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('common.applyFilter')} submitVariant="secondary" submitIcon="search">
        <div className="form-row">
          <SelectField
            {...form.field('type', { label: t('fields.areaType') })}
            emptyOption={t('admin.areas.allTypes')}
            options={AREA_TYPES.map((value) => ({ value, label: t(`areaTypes.${value}`) }))}
          />
          <SelectField
            {...form.field('validity', { label: t('fields.validity'), required: true })}
            options={[
              { value: 'all', label: t('admin.areas.validityAll') },
              { value: 'current', label: t('admin.areas.validityCurrent') },
            ]}
          />
        </div>
      </Form>
    </div>
  );
}

export function AdminAreasRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type = (AREA_TYPES as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as AreaType) : undefined;
  const validity: Validity = params.get('validity') === 'current' ? 'current' : 'all';
  const all = useAreas({ include: 'all' });

  return (
    <AdminListPage section="admin.areas" createPath="/admin/areas/new">
      <AreaFilter
        key={params.toString()}
        type={type ?? ''}
        validity={validity}
        onApply={(nextType, nextValidity) =>
          setParams({ ...(nextType ? { type: nextType } : {}), ...(nextValidity === 'current' ? { validity: 'current' } : {}) })
        }
      />
      <QueryState query={all}>
        {(areas) => {
          const lookup = new Map(areas.map((area) => [area.id, area]));
          const shown = areas
            .filter((area) => (!type || area.type === type) && (validity === 'all' || area.current))
            .sort(byName((area) => area.name));
          return (
            <>
              <p className="kern-body result-count" role="status">
                {t('admin.areas.resultCount', { count: shown.length })}
              </p>
              <AreaTable areas={shown} lookup={lookup} editPath={(area) => `/admin/areas/${area.id}`} />
            </>
          );
        }}
      </QueryState>
    </AdminListPage>
  );
}
