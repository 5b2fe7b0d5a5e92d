import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useFieldsOfAction } from '../../features/fields-of-action/api/fields-of-action';
import { FieldOfActionTable } from '../../features/fields-of-action/components/FieldOfActionTable';
import { AdminNav } from '../layout/AdminNav';

export function AdminFieldsOfActionRoute() {
  const { t } = useTranslation();
  const fields = useFieldsOfAction('all');
  return (
    <Page title={t('admin.fields.title')} lead={t('admin.fields.lead')} wide>
      <AdminNav />
      <p className="page-actions">
        <ButtonLink to="/admin/fields-of-action/new" variant="primary" icon="add">
          {t('admin.fields.create')}
        </ButtonLink>
      </p>
      <QueryState query={fields}>
        {(items) => <FieldOfActionTable fields={items} editPath={(field) => `/admin/fields-of-action/${field.id}`} />}
      </QueryState>
    </Page>
  );
}
