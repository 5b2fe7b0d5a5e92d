import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useFieldOfAction } from '../../features/fields-of-action/api/fields-of-action';
import { FieldOfActionForm } from '../../features/fields-of-action/components/FieldOfActionForm';
import { localized } from '../../features/fields-of-action/components/localized';
import { flash } from '../../lib/flash';
import { AdminNav } from '../layout/AdminNav';

const LIST_PATH = '/admin/fields-of-action';

export function AdminFieldOfActionEditRoute() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const detail = useFieldOfAction(id);
  const onSaved = (code: string) =>
    navigate(LIST_PATH, { state: flash({ key: id ? 'admin.fields.saved' : 'admin.fields.created', params: { code } }) });

  if (!id) {
    return (
      <Page title={t('admin.fields.createTitle')}>
        <AdminNav />
        <FieldOfActionForm field={null} cancelPath={LIST_PATH} onSaved={(field) => onSaved(field.code)} />
      </Page>
    );
  }
  const name = detail.data ? localized(detail.data.name, i18n.language) : '';
  return (
    <Page title={detail.data ? t('admin.fields.editTitle', { name }) : t('admin.fields.editTitleLoading')}>
      <AdminNav />
      <QueryState query={detail}>
        {(field) => <FieldOfActionForm key={field.id} field={field} cancelPath={LIST_PATH} onSaved={(saved) => onSaved(saved.code)} />}
      </QueryState>
    </Page>
  );
}
