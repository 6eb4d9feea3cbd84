// Impact: totals per metric and a chart per metric for the last 12 months.
//
// The per-month charts are hand-drawn SVG: a dozen bars with axis labels don't need a
// charting library, and this way the page has no dependencies and follows the theme's colours.
// Every number may have arrived as null (see core/dashboardProtocol.ts): it shows as "—" and draws no bar.

import { barChart, chartFigure } from './barChart';
import { el, svg } from './dom';
import { formatNumber, isFiniteNumber, largestFinite, niceMax } from './format';
import type { ImpactMetric, ImpactModel } from '../../core/dashboardProtocol';

export function renderImpact(body: HTMLElement, impact: ImpactModel): void {
  body.replaceChildren();
  if (impact.entryCount === 0) {
    body.appendChild(
      el('div', { className: 'empty-state' }, [
        el('p', { text: 'No impact logged yet.' }),
        el('p', {
          text:
            'Impact logging means writing down what a piece of work achieved once it has happened: people in the room, questions asked, ' +
            'PRs merged, feedback handed to the product team, or beers paid off. Each entry has a date, a metric and a value, in an ' +
            '“impact:” list in the draft’s front matter, or added with the DevRel: Log Impact… command. ' +
            'Once there are entries, this section shows totals and a chart per metric for the last 12 months.',
        }),
      ]),
    );
    return;
  }
  body.appendChild(
    el('p', {
      className: 'hint',
      text: `${formatNumber(impact.entryCount)} ${impact.entryCount === 1 ? 'entry' : 'entries'} logged across ${formatNumber(impact.draftCount)} ${impact.draftCount === 1 ? 'draft' : 'drafts'}.`,
    }),
  );
  body.appendChild(totalsTable(impact));
  const charts = el('div', { className: 'charts' });
  for (const metric of impact.metrics) charts.appendChild(chart(metric));
  body.appendChild(charts);
}

function totalsTable(impact: ImpactModel): HTMLElement {
  const head = el('tr', {}, [
    el('th', { text: 'Metric', attrs: { scope: 'col' } }),
    el('th', { text: `This quarter (${impact.quarterLabel})`, attrs: { scope: 'col' } }),
    el('th', { text: 'All time', attrs: { scope: 'col' } }),
  ]);
  const rows = impact.metrics.map((m) =>
    el('tr', {}, [
      el('th', { text: m.label, attrs: { scope: 'row' } }),
      el('td', { text: `${formatNumber(m.thisQuarter)} ${m.unit}` }),
      el('td', { text: `${formatNumber(m.allTime)} ${m.unit}` }),
    ]),
  );
  return el('table', { className: 'totals' }, [el('caption', { text: 'Totals' }), el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function chart(metric: ImpactMetric): HTMLElement {
  const series = metric.series;
  // The model's own maximum, unless it was lost on the way: then the largest month that wasn't.
  const max = niceMax(isFiniteNumber(metric.max) ? metric.max : largestFinite(series.map((m) => m.total)));
  const nonZero = series.filter((m) => m.total > 0).map((m) => `${m.label} ${formatNumber(m.total)}`);
  const range = series.length > 0 ? `, ${series[0].label} to ${series[series.length - 1].label}` : '';
  const summary = `${metric.label} per month${range}: ` + (nonZero.length > 0 ? `${nonZero.join(', ')}; other months 0.` : 'none in these months.');
  const bars = series.map((month) => ({
    value: month.total,
    label: month.label.split(' ')[0],
    title: `${month.label}: ${formatNumber(month.total)} ${metric.unit}`,
    className: isFiniteNumber(month.total) && month.total > 0 ? 'bar' : 'bar empty-bar',
  }));
  const drawn = barChart(bars, max, summary);
  series.forEach((month, index) => {
    const [monthName, year] = month.label.split(' ');
    // The year under each January, and under the first month unless a January is right beside it.
    if (monthName === 'Jan' || (index === 0 && series[1]?.label.slice(0, 3) !== 'Jan')) {
      drawn.svg.appendChild(svg('text', { x: drawn.centre(index).toFixed(2), y: drawn.baseline + 27, 'text-anchor': 'middle', class: 'tick year' }, year));
    }
  });
  return chartFigure(`${metric.label} per month`, `${formatNumber(metric.allTime)} ${metric.unit} in all`, drawn);
}
