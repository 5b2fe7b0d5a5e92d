import type { CityOverviewResponse } from '@app/shared';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS, FONT } from './chart-setup';
import { ChartFigure } from './ChartFigure';
import { DirectionNote, IndicatorTerms, TargetList } from './IndicatorNotes';
import { differenceHeader, formatNumber, formatWithUnit, higherIsBetter, indicatorName } from './report-format';
import type { TableModel } from './table-model';

/** Long area names go on two lines so that the axis keeps room for the bars on a phone. */
function chartLabel(name: string): string | string[] {
  if (name.length <= 16) return name;
  const cut = name.lastIndexOf('/', 16) > 0 ? name.lastIndexOf('/', 16) + 1 : name.lastIndexOf(' ', 16);
  return cut > 0 ? [name.slice(0, cut).trim(), name.slice(cut).trim()] : name;
}

export function areaProfilePath(code: string): string {
  return `/report/areas/${encodeURIComponent(code)}`;
}

/** Aktionsräume against the city value for one indicator and year: chart, table, targets. */
export function OverviewView({ data, stale = false }: { data: CityOverviewResponse; stale?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { indicator } = data;
  const name = indicatorName(indicator, language);
  const decimals = indicator.decimals;
  const year = data.year ?? '';
  const title = t('report.overview.chartTitle', { indicator: name, year });
  const withValue = data.rows.filter((row) => row.value !== null);

  const table = useMemo<TableModel>(() => {
    const unit = indicator.unit ? ` (${indicator.unit})` : '';
    return {
      columns: [
        { id: 'area', header: t('report.overview.colArea') },
        { id: 'district', header: t('report.overview.colDistrict') },
        { id: 'value', header: `${t('report.overview.colValue')}${unit}`, numeric: true, decimals },
        { id: 'city', header: `${t('report.overview.colCity')}${unit}`, numeric: true, decimals },
        { id: 'difference', header: differenceHeader(indicator, t), numeric: true, decimals },
        { id: 'assessment', header: t('report.overview.colAssessment') },
        { id: 'rank', header: t('report.overview.colRank'), numeric: true },
        { id: 'projects', header: t('report.overview.colProjects'), numeric: true },
      ],
      rows: data.rows.map((row) => ({
        key: row.area.code,
        href: areaProfilePath(row.area.code),
        cells: [
          row.area.name,
          row.area.parentName,
          row.value,
          data.cityValue,
          row.differenceToCity,
          row.worseThanCity === null ? null : t(row.worseThanCity ? 'report.common.worse' : 'report.common.notWorse'),
          row.needRank,
          row.currentProjects,
        ],
      })),
    };
  }, [data, decimals, indicator, t]);

  const config = useMemo<ChartConfiguration>(() => {
    const labels = withValue.map((row) => chartLabel(row.area.name));
    const format = (value: number | string) => formatNumber(Number(value), decimals, language);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: t('report.overview.legendArea', { year }),
            data: withValue.map((row) => row.value ?? 0),
            backgroundColor: CHART_COLORS.area,
            borderColor: CHART_COLORS.text,
            borderWidth: 1,
            pointStyle: 'rect',
            order: 2,
          },
          ...(data.cityValue !== null
            ? [
                {
                  type: 'line' as const,
                  label: t('report.overview.legendCity', { value: formatWithUnit(data.cityValue, indicator, language) }),
                  data: withValue.map(() => data.cityValue ?? 0),
                  borderColor: CHART_COLORS.city,
                  backgroundColor: CHART_COLORS.city,
                  borderDash: [8, 5],
                  borderWidth: 2.5,
                  pointRadius: 0,
                  pointHitRadius: 0,
                  // The legend draws this series as a dashed line, as in the chart (a filled box would not show the dash).
                  pointStyle: 'line',
                  order: 1,
                },
              ]
            : []),
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { labels: { color: CHART_COLORS.text, font: FONT, usePointStyle: true, pointStyleWidth: 28 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.x ?? 0)}` } },
        },
        scales: {
          x: {
            beginAtZero: true,
            ticks: { color: CHART_COLORS.text, font: FONT, callback: (value) => format(value) },
            grid: { color: CHART_COLORS.grid },
            title: { display: Boolean(indicator.unit), text: indicator.unit, color: CHART_COLORS.text, font: FONT },
          },
          y: { ticks: { color: CHART_COLORS.text, font: FONT, autoSkip: false }, grid: { display: false } },
        },
      },
    } as ChartConfiguration;
  }, [withValue, data.cityValue, decimals, indicator, language, t, year]);

  const extremes = withValue.length
    ? (() => {
        const sorted = [...withValue].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
        return { low: sorted[0], high: sorted[sorted.length - 1] };
      })()
    : null;
  const summary = extremes
    ? t('report.overview.summary', {
        indicator: name,
        year,
        count: withValue.length,
        low: formatWithUnit(extremes.low.value, indicator, language),
        lowArea: extremes.low.area.name,
        high: formatWithUnit(extremes.high.value, indicator, language),
        highArea: extremes.high.area.name,
        city: data.cityValue === null ? t('report.common.notReported') : formatWithUnit(data.cityValue, indicator, language),
      })
    : t('report.overview.summaryEmpty', { indicator: name, year });

  return (
    <div className="report-overview" aria-busy={stale || undefined}>
      <dl className="report-facts">
        <div>
          <dt>{t('report.overview.cityValue', { year })}</dt>
          <dd data-city-value>
            {data.cityValue === null ? t('report.common.notReported') : formatWithUnit(data.cityValue, indicator, language)}
          </dd>
        </div>
        <div>
          <dt>{t('report.overview.actionAreaMean')}</dt>
          <dd>
            {data.actionAreaMean === null ? t('report.common.notReported') : formatWithUnit(data.actionAreaMean, indicator, language)}
          </dd>
        </div>
        <div>
          <dt>{t('report.common.direction')}</dt>
          <dd>{t(higherIsBetter(indicator) ? 'report.common.higherIsBetter' : 'report.common.lowerIsBetter')}</dd>
        </div>
      </dl>
      <ChartFigure
        id="overview-chart"
        headingLevel={2}
        title={title}
        summary={summary}
        config={config}
        table={table}
        height={Math.max(220, withValue.length * 34 + 90)}
        intro={<IndicatorTerms indicator={indicator} also={['actionArea']} />}
        note={<DirectionNote indicator={indicator} />}
      />
      <TargetList indicator={indicator} targets={data.targets} scopeLabel={t('report.targets.cityScope')} />
    </div>
  );
}
