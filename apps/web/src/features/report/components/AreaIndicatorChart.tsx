import { type AreaIndicatorSeries, type ExplanationKey } from '@app/shared';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS, FONT } from './chart-setup';
import { ChartFigure } from './ChartFigure';
import { DirectionNote, IndicatorTerms, TargetList } from './IndicatorNotes';
import { differenceHeader, differenceUnit, formatNumber, formatSigned, formatWithUnit, indicatorName } from './report-format';
import type { TableModel } from './table-model';

/** One indicator of an area over time: line chart with the city beside it, table, targets. */
export function AreaIndicatorChart({
  series,
  areaName,
  explainedAbove = [],
}: {
  series: AreaIndicatorSeries;
  areaName: string;
  /** Hard terms an indicator further up the page explains already. */
  explainedAbove?: readonly ExplanationKey[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { indicator, points } = series;
  const decimals = indicator.decimals;
  const name = indicatorName(indicator, language);
  const title = t('report.profile.chartTitle', { indicator: name, area: areaName });
  // The benchmark line: the area's own target, else the city-wide one (the list is ordered so).
  const target = series.targets[0]?.target ?? null;

  const table = useMemo<TableModel>(() => {
    const unit = indicator.unit ? ` (${indicator.unit})` : '';
    return {
      columns: [
        { id: 'year', header: t('report.profile.colYear') },
        { id: 'value', header: `${areaName}${unit}`, numeric: true, decimals },
        { id: 'city', header: `${t('report.common.city')}${unit}`, numeric: true, decimals },
        { id: 'difference', header: differenceHeader(indicator, t), numeric: true, decimals },
      ],
      rows: points.map((point) => ({
        key: String(point.year),
        cells: [
          String(point.year),
          point.value,
          point.cityValue,
          point.value !== null && point.cityValue !== null ? Math.round((point.value - point.cityValue) * 10 ** 4) / 10 ** 4 : null,
        ],
      })),
    };
  }, [points, areaName, decimals, indicator, t]);

  const config = useMemo<ChartConfiguration>(() => {
    const format = (value: number | string) => formatNumber(Number(value), decimals, language);
    return {
      type: 'line',
      data: {
        labels: points.map((point) => String(point.year)),
        datasets: [
          {
            label: areaName,
            data: points.map((point) => point.value),
            borderColor: CHART_COLORS.area,
            backgroundColor: CHART_COLORS.area,
            borderWidth: 3,
            pointStyle: 'circle',
            pointRadius: 4,
            spanGaps: true,
          },
          {
            label: t('report.profile.legendCity'),
            data: points.map((point) => point.cityValue),
            borderColor: CHART_COLORS.city,
            backgroundColor: CHART_COLORS.city,
            borderDash: [8, 5],
            borderWidth: 2,
            pointStyle: 'triangle',
            pointRadius: 4,
            spanGaps: true,
          },
          ...(target
            ? [
                {
                  label: t('report.profile.legendTarget', {
                    value: formatWithUnit(target.value, indicator, language),
                    year: target.dueYear,
                  }),
                  data: points.map(() => target.value),
                  borderColor: CHART_COLORS.target,
                  backgroundColor: CHART_COLORS.target,
                  borderDash: [2, 3],
                  borderWidth: 2,
                  pointRadius: 0,
                },
              ]
            : []),
        ],
      },
      options: {
        plugins: {
          legend: { labels: { color: CHART_COLORS.text, font: FONT, usePointStyle: true } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}` } },
        },
        scales: {
          x: { ticks: { color: CHART_COLORS.text, font: FONT }, grid: { display: false } },
          y: {
            ticks: { color: CHART_COLORS.text, font: FONT, callback: (value) => format(value) },
            grid: { color: CHART_COLORS.grid },
            title: { display: Boolean(indicator.unit), text: indicator.unit, color: CHART_COLORS.text, font: FONT },
          },
        },
      },
    } as ChartConfiguration;
  }, [points, areaName, target, decimals, indicator, language, t]);

  const first = points.find((point) => point.value !== null);
  const summary = series.latest
    ? t('report.profile.summary', {
        indicator: name,
        area: areaName,
        firstYear: first?.year,
        first: formatWithUnit(first?.value, indicator, language),
        year: series.latest.year,
        value: formatWithUnit(series.latest.value, indicator, language),
        city:
          series.cityValueSameYear === null
            ? t('report.common.notReported')
            : formatWithUnit(series.cityValueSameYear, indicator, language),
      })
    : t('report.profile.summaryEmpty', { indicator: name, area: areaName });

  return (
    <article className="report-indicator" data-indicator={indicator.key}>
      <ChartFigure
        id={`indicator-${indicator.key}`}
        title={title}
        summary={summary}
        config={config}
        table={table}
        height={260}
        collapsibleTable
        intro={<IndicatorTerms indicator={indicator} skip={explainedAbove} />}
        note={
          <>
            {series.latest ? (
              <p className="kern-body">
                {t('report.profile.latest', { year: series.latest.year, value: formatWithUnit(series.latest.value, indicator, language) })}{' '}
                {series.differenceToCity !== null
                  ? t(series.worseThanCity ? 'report.profile.differenceWorse' : 'report.profile.differenceNotWorse', {
                      difference: formatSigned(series.differenceToCity, decimals, language),
                      unit: differenceUnit(indicator, t),
                    })
                  : null}
              </p>
            ) : null}
            <DirectionNote indicator={indicator} />
            <TargetList indicator={indicator} targets={series.targets} />
          </>
        }
      />
    </article>
  );
}
