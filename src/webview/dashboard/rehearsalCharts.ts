// Rehearsals: per talk, total minutes per run against the slot, and the latest run against the
// plan section by section. Hand-drawn SVG like the impact charts, in the theme's colours.

import { barChart, chartFigure } from './barChart';
import { el, openButton, svg } from './dom';
import { formatNumber, isFiniteNumber, largestFinite, niceMax } from './format';
import type { RehearsalSectionRow, RehearsalsModel, RehearsalTalk } from '../../core/dashboardProtocol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function renderRehearsals(body: HTMLElement, model: RehearsalsModel | undefined): void {
  body.replaceChildren();
  const talks = Array.isArray(model?.talks) ? model.talks : [];
  if (talks.length === 0) {
    body.appendChild(
      el('div', { className: 'empty-state' }, [
        el('p', { text: 'No rehearsals recorded yet.' }),
        el('p', {
          text:
            'Run DevRel: Start Rehearsal on a talk outline and step through its sections with DevRel: Next Section. ' +
            'Each run is recorded in the talk’s front matter, and this section shows the history of each talk against its slot, ' +
            'and which sections ran long last time.',
        }),
      ]),
    );
    return;
  }
  for (const talk of talks) body.appendChild(talkBlock(talk));
}

function talkBlock(talk: RehearsalTalk): HTMLElement {
  const latest = talk.latest;
  const over = isFiniteNumber(latest.overSlot) && latest.overSlot > 0;
  return el('article', { className: 'rehearsal-talk' }, [
    el('h3', {}, [openButton(talk.uri, talk.title), el('span', { className: 'count', text: ` ${talk.relativePath}` })]),
    el('p', { className: over ? 'rehearsal-latest over' : 'rehearsal-latest', text: `Latest run, ${latest.date}: ${latest.summary}.` }),
    el('div', { className: 'rehearsal-grid' }, [historyChart(talk), latest.sections.length > 0 && sectionsTable(latest.sections)]),
  ]);
}

function historyChart(talk: RehearsalTalk): HTMLElement {
  const runs = talk.runs;
  const slot = isFiniteNumber(talk.slot) ? talk.slot : undefined;
  const max = niceMax(Math.max(largestFinite(runs.map((r) => r.minutes)), slot ?? 0));
  const described = runs.map((r) => `${r.date} ${formatNumber(r.minutes)} min`).join(', ');
  const summary = `Total minutes per rehearsal${slot !== undefined ? ` against the ${formatNumber(slot)} min slot` : ''}: ${described}.`;
  const bars = runs.map((run) => {
    const minutes = isFiniteNumber(run.minutes) ? run.minutes : 0;
    const overSlot = slot !== undefined && minutes > slot;
    return {
      value: minutes,
      label: shortDate(run.date),
      title: `${run.date}: ${formatNumber(run.minutes)} min${overSlot ? `, ${formatNumber(minutes - (slot ?? 0))} over the slot` : ''}`,
      className: overSlot ? 'bar over-bar' : 'bar',
    };
  });
  // A few runs would make bars as wide as the chart: cap them so they still read as runs.
  const drawn = barChart(bars, max, summary, 36);
  if (slot !== undefined) {
    const y = drawn.y(slot);
    drawn.svg.appendChild(svg('line', { x1: drawn.left, x2: drawn.right, y1: y, y2: y, class: 'slot-line' }));
    drawn.svg.appendChild(svg('text', { x: drawn.right, y: y - 4, 'text-anchor': 'end', class: 'tick slot-label' }, `slot ${formatNumber(slot)} min`));
  }
  const older = talk.runCount > runs.length ? `, last ${runs.length} of ${formatNumber(talk.runCount)}` : '';
  return chartFigure('Minutes per run', `${formatNumber(talk.runCount)} ${talk.runCount === 1 ? 'run' : 'runs'}${older}`, drawn);
}

function sectionsTable(sections: readonly RehearsalSectionRow[]): HTMLElement {
  const head = el('tr', {}, [
    el('th', { text: 'Section', attrs: { scope: 'col' } }),
    el('th', { text: 'Planned', attrs: { scope: 'col' } }),
    el('th', { text: 'Actual', attrs: { scope: 'col' } }),
    el('th', { text: 'Ran long by', attrs: { scope: 'col' } }),
  ]);
  const rows = sections.map((s) => {
    const long = isFiniteNumber(s.over) && s.over > 0;
    return el('tr', { className: long ? 'long' : '' }, [
      el('th', { text: s.title, attrs: { scope: 'row' } }),
      el('td', { text: isFiniteNumber(s.planned) ? `${formatNumber(s.planned)} min` : '—' }),
      el('td', { text: `${formatNumber(s.actual)} min` }),
      el('td', { text: long ? `+${formatNumber(s.over)} min` : '' }),
    ]);
  });
  return el('table', { className: 'totals rehearsal-sections' }, [el('caption', { text: 'Latest run against the plan' }), el('thead', {}, [head]), el('tbody', {}, rows)]);
}

/** `2026-12-02` → `Dec 2`, fixed English like the impact charts. */
function shortDate(date: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${MONTHS[Number(match[1]) - 1] ?? match[1]} ${Number(match[2])}`;
}
