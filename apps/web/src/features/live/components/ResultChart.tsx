import { ORIGINAL_LANGUAGE, type Language, type LiveRound, type RoundResult } from '@app/shared';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Legend, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel } from './common';
import type { SecondLanguage } from './typed-text';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A colour token as it applies at the canvas (the projector overrides the site's tokens). */
function cssColor(element: Element, name: string, fallback: string): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * The results as a bar chart (chart.js). The canvas is decorative for assistive technology: the
 * table next to it carries the same numbers. Online and hall are stacked in two patterns-free but
 * labelled datasets (the legend and table name them; the numbers sit above the bars).
 */
export function ResultChart({
  round,
  result,
  large = false,
  language = ORIGINAL_LANGUAGE,
  second = null,
}: {
  round: LiveRound;
  result: RoundResult;
  large?: boolean;
  /** The labels' language (the moderator's translation where there is one). */
  language?: Language;
  /** The projector's second language: each label gets a second line in it. */
  second?: SecondLanguage | null;
}) {
  const { t, i18n } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart<'bar'> | null>(null);
  const hasHall = result.hallBallots !== null || result.options.some((option) => option.hall > 0);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const text = cssColor(canvas, '--kern-color-layout-text-default', '#171a2b');
    const primary = cssColor(canvas, '--kern-color-action-default', '#0b5bd3');
    const secondary = cssColor(canvas, '--live-chart-secondary', '#8a8f9c');
    // Projector: type that grows with the screen (about 18 px on 1280 wide, 27 px on 1920).
    const fontSize = large ? Math.round(Math.max(16, Math.min(30, window.innerWidth / 70))) : 14;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: { top: fontSize + 12 } },
        plugins: {
          legend: { display: hasHall, labels: { color: text, font: { size: fontSize } } },
          tooltip: { enabled: !large },
        },
        scales: {
          x: { stacked: true, ticks: { color: text, font: { size: fontSize }, maxRotation: 0, autoSkip: false }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0, font: { size: Math.round(fontSize * 0.8) } } },
        },
      },
      plugins: [
        {
          id: 'totals',
          afterDatasetsDraw(instance) {
            const { ctx } = instance;
            const last = instance.getDatasetMeta(instance.data.datasets.length - 1);
            ctx.save();
            ctx.fillStyle = text;
            ctx.font = `bold ${fontSize}px "Fira Sans", sans-serif`;
            ctx.textAlign = 'center';
            last.data.forEach((bar, index) => {
              const total = instance.data.datasets.reduce((sum, dataset) => sum + Number(dataset.data[index] ?? 0), 0);
              ctx.fillText(String(total), bar.x, Math.min(bar.y, instance.chartArea.bottom) - 8);
            });
            ctx.restore();
          },
        },
      ],
    });
    chart.data.datasets = [
      { label: t('live.results.onlineShort'), data: [], backgroundColor: primary, borderColor: text, borderWidth: 1 },
      ...(hasHall
        ? [{ label: t('live.results.hallShort'), data: [] as number[], backgroundColor: secondary, borderColor: text, borderWidth: 1 }]
        : []),
    ];
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [large, hasHall, t]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const labels = result.options.map((option) => optionLabel(t, round, option, language));
    // Chart.js draws a label given as lines one under the other; the canvas shapes and orders Arabic itself.
    chart.data.labels = result.options.map((option, index) => {
      const other = second ? optionLabel(second.t, round, option, second.language) : null;
      return other && other !== labels[index] ? [labels[index], other] : labels[index];
    });
    const both = (key: string) => (second ? `${t(key)} / ${second.t(key)}` : t(key));
    chart.data.datasets[0].data = result.options.map((option) => option.online);
    chart.data.datasets[0].label = both('live.results.onlineShort');
    if (chart.data.datasets[1]) {
      chart.data.datasets[1].data = result.options.map((option) => option.hall);
      chart.data.datasets[1].label = both('live.results.hallShort');
    }
    chart.update();
    // What the chart was given, per label (for tests and debugging: the table must say the same).
    const totals = labels.map((label, index) => [
      label,
      chart.data.datasets.reduce((sum, dataset) => sum + Number(dataset.data[index] ?? 0), 0),
    ]);
    frameRef.current?.setAttribute('data-values', JSON.stringify(Object.fromEntries(totals)));
  }, [result, round, t, i18n.language, hasHall, large, language, second]);

  return (
    <div ref={frameRef} className={large ? 'live-chart live-chart--large' : 'live-chart'}>
      <canvas ref={canvasRef} aria-hidden="true" />
    </div>
  );
}
