import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useArea, useAreas } from '../../features/areas/api/areas';
import { AreaForm } from '../../features/areas/components/AreaForm';
import { flash } from '../../lib/flash';
import { AdminNav } from '../layout/AdminNav';

const LIST_PATH = '/admin/areas';

export function AdminAreaEditRoute() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const all = useAreas({ include: 'all' });
  const detail = useArea(id);
  const onSaved = (name: string) =>
    navigate(LIST_PATH, { state: flash({ key: id ? 'admin.areas.saved' : 'admin.areas.created', params: { name } }) });

  if (!id) {
    return (
      <Page title={t('admin.areas.createTitle')}>
        <AdminNav />
        <QueryState query={all}>
          {(areas) => <AreaForm area={null} allAreas={areas} cancelPath={LIST_PATH} onSaved={(area) => onSaved(area.name)} />}
        </QueryState>
      </Page>
    );
  }

  const combined = {
    data: detail.data && all.data ? { area: detail.data, areas: all.data } : undefined,
    error: detail.error ?? all.error,
    isPending: detail.isPending || all.isPending,
  };
  return (
    <Page title={detail.data ? t('admin.areas.editTitle', { name: detail.data.name }) : t('admin.areas.editTitleLoading')}>
      <AdminNav />
      <QueryState query={combined}>
        {({ area, areas }) => (
          <AreaForm key={area.id} area={area} allAreas={areas} cancelPath={LIST_PATH} onSaved={(saved) => onSaved(saved.name)} />
        )}
      </QueryState>
    </Page>
  );
}
