// The frame the dashboard's bar charts share: a fixed viewBox, three grid lines with their values,
// and one bar per item. Callers add what is theirs (month and year labels, a slot line) through
// the frame's coordinates, so every chart lines up and scales alike.

import { el, svg } from './dom';
import { formatTick, isFiniteNumber } from './format';

const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 40;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 34;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

export interface Bar {
  /** A number that was lost on the way draws as an empty bar. */
  value: number;
  /** Under the bar. */
  label: string;
  /** On hover. */
  title: string;
  className: string;
}

export interface BarChart {
  svg: SVGSVGElement;
  /** The y coordinate of a value, clamped to the plot. */
  y(value: number): number;
  /** The x coordinate of the middle of the bar at an index. */
  centre(index: number): number;
  /** The baseline's y coordinate, for labels under the bars. */
  readonly baseline: number;
  readonly left: number;
  readonly right: number;
}

/** Bars scaled to `max` (already rounded to a nice number), with `summary` read out by screen readers. */
export function barChart(bars: readonly Bar[], max: number, summary: string, maxBarWidth = Infinity): BarChart {
  const slot = PLOT_WIDTH / Math.max(bars.length, 1);
  const barWidth = Math.max(2, Math.min(maxBarWidth, slot * 0.62));
  const barHeight = (value: number): number => Math.min(PLOT_HEIGHT, (value / max) * PLOT_HEIGHT);
  const chart: BarChart = {
    svg: svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary, class: 'chart-svg', preserveAspectRatio: 'xMidYMid meet' }),
    y: (value) => TOP + PLOT_HEIGHT - barHeight(Math.max(0, value)),
    centre: (index) => LEFT + index * slot + slot / 2,
    baseline: TOP + PLOT_HEIGHT,
    left: LEFT,
    right: WIDTH - RIGHT,
  };
  chart.svg.appendChild(svg('title', {}, summary));
  for (const fraction of [0, 0.5, 1]) {
    const y = TOP + PLOT_HEIGHT - fraction * PLOT_HEIGHT;
    chart.svg.appendChild(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: fraction === 0 ? 'axis' : 'grid' }));
    chart.svg.appendChild(svg('text', { x: LEFT - 6, y: y + 3.5, 'text-anchor': 'end', class: 'tick' }, formatTick(max * fraction)));
  }
  bars.forEach((bar, index) => {
    const height = barHeight(isFiniteNumber(bar.value) ? bar.value : 0);
    const rect = svg('rect', {
      x: (LEFT + index * slot + (slot - barWidth) / 2).toFixed(2),
      y: (TOP + PLOT_HEIGHT - height).toFixed(2),
      width: barWidth.toFixed(2),
      // Empty bars keep a sliver, so a hover still finds their title.
      height: Math.max(height, 0.5).toFixed(2),
      class: bar.className,
    });
    rect.appendChild(svg('title', {}, bar.title));
    chart.svg.appendChild(rect);
    chart.svg.appendChild(svg('text', { x: chart.centre(index).toFixed(2), y: chart.baseline + 14, 'text-anchor': 'middle', class: 'tick' }, bar.label));
  });
  return chart;
}

/** A chart with its title and a total beside it. */
export function chartFigure(title: string, total: string, chart: BarChart): HTMLElement {
  return el('figure', { className: 'chart' }, [
    el('figcaption', {}, [el('span', { className: 'chart-title', text: title }), el('span', { className: 'chart-total', text: total })]),
    chart.svg,
  ]);
}
