// DevRel Dashboard page, bundled into dist/dashboard.js. It draws the model the extension posts,
// and posts back only requests the extension checks again: open a draft, move a draft to a status.

import { renderCalendar } from './calendarView';
import { announce, el, required } from './dom';
import { postToHost, readHostMessage, saveModel, savedModel } from './host';
import { renderImpact } from './impactCharts';
import { isDragging, renderPipeline } from './pipelineBoard';
import { renderRehearsals } from './rehearsalCharts';
import type { DashboardModel, FocusLine } from '../../core/dashboardProtocol';

const root = required(document.getElementById('dashboard-root'), '#dashboard-root');
const focusLine = required(document.getElementById('focus-line'), '#focus-line');
const bodies = {
  pipeline: required(document.querySelector<HTMLElement>('#pipeline .section-body'), 'pipeline section'),
  calendar: required(document.querySelector<HTMLElement>('#calendar .section-body'), 'calendar section'),
  impact: required(document.querySelector<HTMLElement>('#impact .section-body'), 'impact section'),
  rehearsals: required(document.querySelector<HTMLElement>('#rehearsals .section-body'), 'rehearsals section'),
};

/** A model that arrived mid-drag, drawn when the drag ends. */
let pendingModel: DashboardModel | undefined;

function renderFocus(focus: FocusLine): void {
  focusLine.textContent = focus.text;
  focusLine.classList.toggle('over', focus.over);
  const old = document.getElementById('focus-warnings');
  if (old) old.remove();
  if (focus.warnings.length > 0) {
    const list = el(
      'ul',
      { className: 'focus-warnings', attrs: { id: 'focus-warnings' } },
      focus.warnings.map((w) => el('li', { text: w })),
    );
    focusLine.after(list);
  }
}

function controlsByKey(): Map<string, HTMLElement> {
  const controls = new Map<string, HTMLElement>();
  for (const node of document.querySelectorAll('[data-focus-key]')) {
    if (node instanceof HTMLElement) controls.set(node.getAttribute('data-focus-key') ?? '', node);
  }
  return controls;
}

function render(model: DashboardModel): void {
  // A re-render replaces every control, and files change while someone is mid-choice:
  // keep keyboard focus where it was, and any status picked but not yet moved to.
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement ? active.getAttribute('data-focus-key') : null;
  const picked = new Map<string, string>();
  for (const [key, node] of controlsByKey()) {
    if (node instanceof HTMLSelectElement && node.value !== node.dataset.current) picked.set(key, node.value);
  }
  renderFocus(model.focus);
  renderPipeline(bodies.pipeline, model.pipeline);
  renderCalendar(bodies.calendar, model.calendar);
  renderImpact(bodies.impact, model.impact);
  renderRehearsals(bodies.rehearsals, model.rehearsals);
  root.setAttribute('aria-busy', 'false');
  const controls = controlsByKey();
  for (const [key, value] of picked) {
    const select = controls.get(key);
    if (select instanceof HTMLSelectElement && [...select.options].some((o) => o.value === value)) {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    }
  }
  const target = focusKey ? controls.get(focusKey) : undefined;
  if (target) target.focus({ preventScroll: true });
}

function show(model: DashboardModel): void {
  saveModel(model);
  render(model);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = readHostMessage(event.data);
  if (message?.type === 'model') {
    // A render mid-drag would pull the dragged card out from under the pointer.
    if (isDragging()) pendingModel = message.model;
    else show(message.model);
  } else if (message?.type === 'statusResult') {
    announce(message.message);
  }
});

document.addEventListener('dragend', () => {
  if (pendingModel) {
    const model = pendingModel;
    pendingModel = undefined;
    show(model);
  }
});

// Drawn at once from the last model when the page comes back, then refreshed by the extension.
const saved = savedModel();
if (saved) render(saved);
postToHost({ type: 'ready' });
