import type { AreaResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { DataTable, EditLink } from '../../../components/ui/DataTable';
import { formatDate } from '../../../lib/format';

interface AreaTableProps {
  areas: AreaResponse[];
  /** All known areas, to name each row's parent. */
  lookup: Map<string, AreaResponse>;
  editPath: (area: AreaResponse) => string;
}

export function AreaTable({ areas, lookup, editPath }: AreaTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={areas}
      rowKey={(area) => area.id}
      label={t('admin.areas.tableLabel')}
      caption={t('admin.areas.tableCaption', { count: areas.length })}
      emptyText={t('admin.areas.empty')}
      columns={[
        {
          id: 'name',
          header: t('fields.name'),
          rowHeader: true,
          cell: (area) => (
            <>
              {area.name}
              <span className="table-subtext">{area.code}</span>
            </>
          ),
        },
        {
          id: 'type',
          header: t('fields.areaType'),
          cell: (area) => (
            <>
              {t(`areaTypes.${area.type}`)}
              {area.supportLimit ? (
                <span className="table-subtext">{t('admin.areas.supportLimitCell', { count: area.supportLimit })}</span>
              ) : null}
            </>
          ),
        },
        {
          id: 'parent',
          header: t('fields.parent'),
          cell: (area) => (area.parentId ? (lookup.get(area.parentId)?.name ?? '–') : '–'),
        },
        {
          id: 'validity',
          header: t('fields.validity'),
          cell: (area) =>
            area.validTo
              ? t('admin.areas.validRange', { from: formatDate(area.validFrom), to: formatDate(area.validTo) })
              : t('admin.areas.validSince', { from: formatDate(area.validFrom) }),
        },
        {
          id: 'status',
          header: t('fields.status'),
          cell: (area) =>
            area.current ? (
              <Badge variant="success">{t('admin.areas.statusCurrent')}</Badge>
            ) : (
              <Badge variant="warning">{t('admin.areas.statusNotCurrent')}</Badge>
            ),
        },
      ]}
      action={(area) => <EditLink to={editPath(area)} name={area.name} />}
    />
  );
}
