import { bothQueries } from '../../components/ui/QueryState';
import { useArea } from '../../features/areas/api/areas';
import { useAreas } from '../../lib/areas';
import { AreaForm } from '../../features/areas/components/AreaForm';
import { AdminEditPage, editedRecord, useAdminEdit } from '../layout/AdminPages';

const LIST_PATH = '/admin/areas';

export function AdminAreaEditRoute() {
  const { id, onSaved } = useAdminEdit('admin.areas', LIST_PATH);
  const all = useAreas({ include: 'all' });
  const detail = editedRecord(id, useArea(id));
  return (
    <AdminEditPage section="admin.areas" creating={!id} name={detail.data?.name} query={bothQueries(detail, all)}>
      {([area, areas]) => (
        <AreaForm key={area?.id} area={area} allAreas={areas} cancelPath={LIST_PATH} onSaved={(saved) => onSaved({ name: saved.name })} />
      )}
    </AdminEditPage>
  );
}
