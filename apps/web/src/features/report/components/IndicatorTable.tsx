import type { IndicatorDefinition } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { DataTable, EditLink } from '../../../components/ui/DataTable';
import { higherIsBetter, indicatorName } from './report-format';
import { formatLocale } from '../../../lib/i18n';

export function IndicatorTable({ indicators }: { indicators: IndicatorDefinition[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      rows={indicators}
      rowKey={(indicator) => indicator.key}
      label={t('report.admin.tableLabel')}
      caption={t('report.admin.tableCaption', { count: indicators.length })}
      emptyText={t('report.overview.noIndicators')}
      columns={[
        { id: 'name', header: t('report.admin.name'), rowHeader: true, cell: (indicator) => indicatorName(indicator, i18n.language) },
        { id: 'key', header: t('report.admin.key'), cell: (indicator) => <code>{indicator.key}</code> },
        { id: 'unit', header: t('report.admin.unit'), cell: (indicator) => indicator.unit },
        {
          id: 'direction',
          header: t('report.admin.direction'),
          cell: (indicator) => t(higherIsBetter(indicator) ? 'report.common.higherIsBetter' : 'report.common.lowerIsBetter'),
        },
        {
          id: 'values',
          header: t('report.admin.values'),
          numeric: true,
          cell: (indicator) => new Intl.NumberFormat(formatLocale(i18n.language)).format(indicator.valueCount),
        },
        {
          id: 'years',
          header: t('report.admin.years'),
          cell: (indicator) => (indicator.firstYear === null ? '–' : `${indicator.firstYear}–${indicator.lastYear ?? ''}`),
        },
      ]}
      action={(indicator) => (
        <EditLink to={`/admin/indicators/${encodeURIComponent(indicator.key)}`} name={indicatorName(indicator, i18n.language)} />
      )}
    />
  );
}
