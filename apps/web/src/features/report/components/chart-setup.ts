import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Filler);

/**
 * Colours of the report's charts, each at least 3:1 against white (WCAG 1.4.11) and never the
 * only difference: the city average is a dashed line, targets dotted, series have their own
 * point shapes, and the legend names every series.
 */
export const CHART_COLORS = {
  text: '#1b1f2e',
  grid: '#d7dae0',
  area: '#0b5bd3',
  city: '#1b1f2e',
  target: '#1d7a36',
  series: ['#0b5bd3', '#b3261e', '#1d7a36', '#6b3fa0'],
} as const;

export const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot'] as const;
export const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 3, 2, 3]];

/** Paints the canvas white under the chart, so that the PNG download is not transparent. */
export const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export const FONT = { family: '"Fira Sans", sans-serif', size: 13 };

export { Chart };
