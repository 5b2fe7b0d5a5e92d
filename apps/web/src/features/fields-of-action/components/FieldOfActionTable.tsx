import type { FieldOfActionResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { DataTable, EditLink } from '../../../components/ui/DataTable';
import { localized } from '../../../lib/localized';

interface FieldOfActionTableProps {
  fields: FieldOfActionResponse[];
  editPath: (field: FieldOfActionResponse) => string;
}

export function FieldOfActionTable({ fields, editPath }: FieldOfActionTableProps) {
  const { t, i18n } = useTranslation();
  const name = (field: FieldOfActionResponse) => localized(field.name, i18n.language);
  return (
    <DataTable
      rows={[...fields].sort((a, b) => a.sortOrder - b.sortOrder)}
      rowKey={(field) => field.id}
      label={t('admin.fields.tableLabel')}
      caption={t('admin.fields.tableCaption', { count: fields.length })}
      emptyText={t('admin.fields.empty')}
      columns={[
        { id: 'code', header: t('fields.code'), cell: (field) => field.code },
        { id: 'name', header: t('fields.name'), rowHeader: true, cell: name },
        { id: 'sortOrder', header: t('fields.sortOrder'), numeric: true, cell: (field) => field.sortOrder },
        {
          id: 'status',
          header: t('fields.status'),
          cell: (field) =>
            field.active ? (
              <Badge variant="success">{t('admin.fields.statusActive')}</Badge>
            ) : (
              <Badge variant="warning">{t('admin.fields.statusInactive')}</Badge>
            ),
        },
      ]}
      action={(field) => <EditLink to={editPath(field)} name={name(field)} />}
    />
  );
}
