import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Chart, FONT, whiteBackground } from './chart-setup';
import { ReportTable } from './ReportTable';
import { downloadText, downloadUrl, fileName, toCsv, type TableModel } from './table-model';

interface ChartFigureProps {
  id: string;
  /** Names the chart, its table and its downloads. */
  title: string;
  /** What the chart shows, in one or two sentences (the canvas's accessible name). */
  summary: string;
  config: ChartConfiguration;
  table: TableModel;
  /** Canvas height in CSS pixels. */
  height: number;
  /** true: the table sits in a disclosure under the chart; false: always visible. */
  collapsibleTable?: boolean;
  /** Text between the title and the chart, e.g. the hard terms of the indicator explained. */
  intro?: ReactNode;
  /** Text under the chart, e.g. the explanation of the direction. */
  note?: ReactNode;
  headingLevel?: 2 | 3;
}

/**
 * A chart.js chart with its accessible alternative: the canvas is an image named by a summary,
 * the table holds every number, and both can be downloaded (PNG of the canvas, CSV of the table).
 */
export function ChartFigure({
  id,
  title,
  summary,
  config,
  table,
  height,
  collapsibleTable = false,
  intro,
  note,
  headingLevel = 3,
}: ChartFigureProps) {
  const { t, i18n } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    Chart.defaults.font.family = FONT.family;
    const chart = new Chart(canvas, {
      ...config,
      options: { ...config.options, responsive: true, maintainAspectRatio: false, animation: false },
      plugins: [...(config.plugins ?? []), whiteBackground],
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [config]);

  function downloadPng() {
    const chart = chartRef.current;
    if (!chart) return;
    downloadUrl(chart.toBase64Image('image/png', 1), fileName(title, 'png'));
  }

  function downloadCsv() {
    downloadText(toCsv(table, i18n.language), fileName(title, 'csv'));
  }

  const Heading = `h${headingLevel}` as const;
  const tableElement = (
    <ReportTable model={table} caption={t('report.common.tableCaption', { title })} label={t('report.common.tableLabel', { title })} />
  );
  return (
    <figure className="report-chart" id={id} aria-labelledby={`${id}-title`}>
      <Heading className={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'} id={`${id}-title`}>
        {title}
      </Heading>
      {intro}
      <div className="report-chart__canvas" style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label={summary}>
          {summary}
        </canvas>
      </div>
      {note ? <div className="kern-body kern-body--small report-chart__note">{note}</div> : null}
      <div className="kern-btn-wrapper report-chart__downloads">
        <Button
          variant="secondary"
          icon="download"
          aria-label={`${t('report.common.downloadPng')}: ${title}`}
          onClick={downloadPng}
          data-download="png"
        >
          {t('report.common.downloadPng')}
        </Button>
        <Button
          variant="secondary"
          icon="download"
          aria-label={`${t('report.common.downloadCsv')}: ${title}`}
          onClick={downloadCsv}
          data-download="csv"
        >
          {t('report.common.downloadCsv')}
        </Button>
      </div>
      {collapsibleTable ? (
        <details className="report-chart__details">
          <summary className="kern-body">{t('report.common.showTable')}</summary>
          {tableElement}
        </details>
      ) : (
        tableElement
      )}
    </figure>
  );
}
