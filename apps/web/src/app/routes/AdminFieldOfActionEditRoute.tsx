import { useTranslation } from 'react-i18next';
import { useFieldOfAction } from '../../features/fields-of-action/api/fields-of-action';
import { FieldOfActionForm } from '../../features/fields-of-action/components/FieldOfActionForm';
import { localized } from '../../lib/localized';
import { AdminEditPage, editedRecord, useAdminEdit } from '../layout/AdminPages';

const LIST_PATH = '/admin/fields-of-action';

export function AdminFieldOfActionEditRoute() {
  const { i18n } = useTranslation();
  const { id, onSaved } = useAdminEdit('admin.fields', LIST_PATH);
  const detail = editedRecord(id, useFieldOfAction(id));
  return (
    <AdminEditPage
      section="admin.fields"
      creating={!id}
      name={detail.data ? localized(detail.data.name, i18n.language) : undefined}
      query={detail}
    >
      {(field) => (
        <FieldOfActionForm key={field?.id} field={field} cancelPath={LIST_PATH} onSaved={(saved) => onSaved({ code: saved.code })} />
      )}
    </AdminEditPage>
  );
}
