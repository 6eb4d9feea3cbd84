// The calendar: overdue deadlines first, then eight weeks from this one.

import { el, openButton } from './dom';
import type { CalendarItem, CalendarModel } from '../../core/dashboardProtocol';

export function renderCalendar(body: HTMLElement, calendar: CalendarModel): void {
  body.replaceChildren();
  if (calendar.overdue.length > 0) {
    body.appendChild(
      el('div', { className: 'overdue-list' }, [
        el('h3', { text: `Overdue · ${calendar.overdue.length}` }),
        el('ul', { className: 'cal-items' }, calendar.overdue.map(calendarItem)),
      ]),
    );
  }
  const firstDay = calendar.weeks[0]?.label.split(' – ')[0] ?? calendar.from;
  const weeks = el('ol', { className: 'weeks', attrs: { 'aria-label': `Weeks from ${firstDay}` } });
  for (const week of calendar.weeks) {
    const classes = ['week'];
    if (week.current) classes.push('current');
    if (week.crowded) classes.push('crowded');
    const heading = el('h3', {}, [document.createTextNode(week.label)]);
    if (week.current) heading.appendChild(el('span', { className: 'tag', text: 'This week' }));
    if (week.crowded) heading.appendChild(el('span', { className: 'tag crowded-tag', text: `Crowded: ${week.commitments} commitments` }));
    const node = el('li', { className: classes.join(' ') }, [heading]);
    if (week.items.length === 0) node.appendChild(el('p', { className: 'column-empty', text: 'Nothing dated' }));
    else node.appendChild(el('ul', { className: 'cal-items' }, week.items.map(calendarItem)));
    weeks.appendChild(node);
  }
  body.appendChild(weeks);
  body.appendChild(
    el('p', {
      className: 'hint',
      text: `${calendar.crowdedRule} Those commitments to other people have a coloured bar; due dates you set yourself have a grey one.`,
    }),
  );
}

function calendarItem(item: CalendarItem): HTMLElement {
  const classes = ['cal-item'];
  if (item.overdue) classes.push('overdue');
  if (item.commitment) classes.push('commitment');
  if (item.endDate) classes.push('span');
  return el('li', { className: classes.join(' ') }, [
    el('span', { className: 'cal-when', text: `${item.dayLabel} · ${item.label}` }),
    openButton(item.uri, item.title),
    el('span', { className: 'cal-detail', text: `${item.kindLabel}, ${item.status} · ${item.overdue ? `overdue, ${item.when}` : item.when}` }),
  ]);
}
