import type { AreaResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { TableRegion } from '../../../components/ui/TableRegion';
import { formatDate } from '../../../lib/format';

interface AreaTableProps {
  areas: AreaResponse[];
  /** All known areas, to name each row's parent. */
  lookup: Map<string, AreaResponse>;
  editPath: (area: AreaResponse) => string;
}

export function AreaTable({ areas, lookup, editPath }: AreaTableProps) {
  const { t } = useTranslation();
  if (areas.length === 0) return <p className="kern-body">{t('admin.areas.empty')}</p>;
  return (
    <TableRegion label={t('admin.areas.tableLabel')}>
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-title kern-sr-only">{t('admin.areas.tableCaption', { count: areas.length })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('fields.name')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.areaType')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.parent')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.validity')}
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
          {areas.map((area) => (
            <tr key={area.id} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {area.name}
                <span className="table-subtext">{area.code}</span>
              </th>
              <td className="kern-table__cell">{t(`areaTypes.${area.type}`)}</td>
              <td className="kern-table__cell">{area.parentId ? (lookup.get(area.parentId)?.name ?? '–') : '–'}</td>
              <td className="kern-table__cell">
                {area.validTo
                  ? t('admin.areas.validRange', { from: formatDate(area.validFrom), to: formatDate(area.validTo) })
                  : t('admin.areas.validSince', { from: formatDate(area.validFrom) })}
              </td>
              <td className="kern-table__cell">
                {area.current ? (
                  <Badge variant="success">{t('admin.areas.statusCurrent')}</Badge>
                ) : (
                  <Badge variant="warning">{t('admin.areas.statusNotCurrent')}</Badge>
                )}
              </td>
              <td className="kern-table__cell kern-table__cell--action">
                <Link className="kern-link kern-link--small" to={editPath(area)}>
                  {t('common.edit')}
                  <span className="kern-sr-only"> {area.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
