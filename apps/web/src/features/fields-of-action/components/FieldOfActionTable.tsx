import type { FieldOfActionResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { TableRegion } from '../../../components/ui/TableRegion';
import { localized } from './localized';

interface FieldOfActionTableProps {
  fields: FieldOfActionResponse[];
  editPath: (field: FieldOfActionResponse) => string;
}

export function FieldOfActionTable({ fields, editPath }: FieldOfActionTableProps) {
  const { t, i18n } = useTranslation();
  if (fields.length === 0) return <p className="kern-body">{t('admin.fields.empty')}</p>;
  return (
    <TableRegion label={t('admin.fields.tableLabel')}>
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-title kern-sr-only">{t('admin.fields.tableCaption', { count: fields.length })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('fields.code')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.name')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('fields.sortOrder')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.status')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--action">
              <span className="kern-sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {[...fields]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((field) => (
              <tr key={field.id} className="kern-table__row">
                <td className="kern-table__cell">{field.code}</td>
                <th scope="row" className="kern-table__header">
                  {localized(field.name, i18n.language)}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{field.sortOrder}</td>
                <td className="kern-table__cell">
                  {field.active ? (
                    <Badge variant="success">{t('admin.fields.statusActive')}</Badge>
                  ) : (
                    <Badge variant="warning">{t('admin.fields.statusInactive')}</Badge>
                  )}
                </td>
                <td className="kern-table__cell kern-table__cell--action">
                  <Link className="kern-link kern-link--small" to={editPath(field)}>
                    {t('common.edit')}
                    <span className="kern-sr-only"> {localized(field.name, i18n.language)}</span>
                  </Link>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
