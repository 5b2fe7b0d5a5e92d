import type { ParticipationCounts, ParticipationStatsResponse } from '@app/shared';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Section } from '../../../components/ui/Section';
import { CHART_COLORS, DASHES, FONT, POINT_STYLES } from './chart-setup';
import { ChartFigure } from './ChartFigure';
import { areaProfilePath } from './OverviewView';
import { ReportTable } from './ReportTable';
import { downloadText, fileName, toCsv, type TableModel } from './table-model';
import { formatLocale } from '../../../lib/i18n';

const COUNTS: (keyof ParticipationCounts)[] = ['proposals', 'supports', 'comments', 'assemblies', 'attendance', 'checkedIn'];
const CHARTED: (keyof ParticipationCounts)[] = ['proposals', 'supports', 'comments', 'attendance'];

/** "2026-03" → "März 2026" in the UI language. */
export function formatMonth(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(formatLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, number - 1, 1),
  );
}

function countColumns(t: (key: string) => string) {
  return COUNTS.map((key) => ({ id: key, header: t(`report.participation.${key}`), numeric: true }));
}

function DownloadableTable({ model, title }: { model: TableModel; title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ReportTable model={model} caption={title} label={title} />
      {model.rows.length > 0 ? (
        <div className="kern-btn-wrapper report-chart__downloads">
          <Button
            variant="secondary"
            icon="download"
            aria-label={`${t('report.common.downloadCsv')}: ${title}`}
            onClick={() => downloadText(toCsv(model, i18n.language), fileName(title, 'csv'))}
          >
            {t('report.common.downloadCsv')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** Participation per month (chart + table), per area, and per area and month. */
export function ParticipationView({ data }: { data: ParticipationStatsResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const range = { from: formatMonth(data.from, language), to: formatMonth(data.to, language) };
  const monthTitle = t('report.participation.byMonthTitle', range);

  const byMonth = useMemo<TableModel>(
    () => ({
      columns: [{ id: 'month', header: t('report.participation.month') }, ...countColumns(t)],
      rows: data.byMonth.map((entry) => ({
        key: entry.month,
        cells: [formatMonth(entry.month, language), ...COUNTS.map((key) => entry[key])],
      })),
    }),
    [data.byMonth, language, t],
  );

  const byArea: TableModel = {
    columns: [{ id: 'area', header: t('report.participation.area') }, ...countColumns(t)],
    rows: data.byArea.map((entry) => ({
      key: entry.area.id,
      href: areaProfilePath(entry.area.code),
      cells: [entry.area.name, ...COUNTS.map((key) => entry[key])],
    })),
  };

  const detail: TableModel = {
    columns: [
      { id: 'area', header: t('report.participation.area') },
      { id: 'month', header: t('report.participation.month') },
      ...countColumns(t),
    ],
    rows: data.rows.map((row) => ({
      key: `${row.area.id}-${row.month}`,
      cells: [row.area.name, formatMonth(row.month, language), ...COUNTS.map((key) => row[key])],
    })),
  };

  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: data.byMonth.map((entry) => formatMonth(entry.month, language)),
        datasets: CHARTED.map((key, index) => ({
          label: t(`report.participation.${key}`),
          data: data.byMonth.map((entry) => entry[key]),
          borderColor: CHART_COLORS.series[index],
          backgroundColor: CHART_COLORS.series[index],
          borderDash: DASHES[index],
          borderWidth: 2.5,
          pointStyle: POINT_STYLES[index],
          pointRadius: 5,
        })),
      },
      options: {
        plugins: { legend: { labels: { color: CHART_COLORS.text, font: FONT, usePointStyle: true } } },
        scales: {
          x: { ticks: { color: CHART_COLORS.text, font: FONT }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: CHART_COLORS.text, font: FONT, precision: 0 }, grid: { color: CHART_COLORS.grid } },
        },
      },
    }),
    [data.byMonth, language, t],
  );

  const format = (value: number) => new Intl.NumberFormat(formatLocale(language)).format(value);
  // Each total with its own plural form ("1 Vorschlag", "12 Vorschläge").
  const total = (key: 'Proposals' | 'Supports' | 'Comments' | 'Attendance', count: number) =>
    t(`report.participation.total${key}`, { count, formatted: format(count) });
  const summary = t('report.participation.summary', {
    ...range,
    proposals: total('Proposals', data.totals.proposals),
    supports: total('Supports', data.totals.supports),
    comments: total('Comments', data.totals.comments),
    attendance: total('Attendance', data.totals.attendance),
  });

  return (
    <>
      <dl className="report-facts">
        {COUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`report.participation.${key}`)}</dt>
            <dd data-total={key}>{format(data.totals[key])}</dd>
          </div>
        ))}
      </dl>
      <ChartFigure
        id="participation-chart"
        headingLevel={2}
        title={monthTitle}
        summary={summary}
        config={config}
        table={byMonth}
        height={300}
      />
      <Section id="participation-areas" title={t('report.participation.byAreaTitle')}>
        <DownloadableTable model={byArea} title={t('report.participation.byAreaTable', range)} />
      </Section>
      <Section id="participation-detail" title={t('report.participation.detailTitle')}>
        <DownloadableTable model={detail} title={t('report.participation.detailTable', range)} />
      </Section>
    </>
  );
}
