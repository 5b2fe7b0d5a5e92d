import { QueryState } from '../../components/ui/QueryState';
import { useFieldsOfAction } from '../../lib/fields-of-action';
import { FieldOfActionTable } from '../../features/fields-of-action/components/FieldOfActionTable';
import { AdminListPage } from '../layout/AdminPages';

export function AdminFieldsOfActionRoute() {
  const fields = useFieldsOfAction('all');
  return (
    <AdminListPage section="admin.fields" createPath="/admin/fields-of-action/new">
      <QueryState query={fields}>
        {(items) => <FieldOfActionTable fields={items} editPath={(field) => `/admin/fields-of-action/${field.id}`} />}
      </QueryState>
    </AdminListPage>
  );
}
