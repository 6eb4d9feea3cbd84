// The pipeline: a board per kind, a column per status. A card moves by drag and drop, or from
// the keyboard with the select and Move button under it; either way the page only asks, and
// the extension checks the request and edits the file.

import { announce, el, openButton, required } from './dom';
import { plural } from './format';
import { postToHost, savedModel } from './host';
import type { PipelineCard, PipelineColumn, PipelineKind } from '../../core/dashboardProtocol';

const root = required(document.getElementById('dashboard-root'), '#dashboard-root');
/** The card being dragged: drops are only offered on columns of its own kind. */
let dragging: { uri: string; kind: string; status: string } | undefined;

export function isDragging(): boolean {
  return dragging !== undefined;
}

export function renderPipeline(body: HTMLElement, pipeline: readonly PipelineKind[]): void {
  body.replaceChildren();
  if (pipeline.length === 0) {
    body.appendChild(el('p', { className: 'empty', text: 'No drafts yet. Create one with DevRel: New Draft… and it shows up here, in a column for its status.' }));
    return;
  }
  body.appendChild(
    el('p', {
      className: 'hint',
      text: 'Drag a card to another column of its board to change its status, or pick a status under the card and choose Move.',
    }),
  );
  pipeline.forEach((kind, index) => {
    const headingId = `board-${index}`;
    const section = el('section', { className: 'board', attrs: { 'aria-labelledby': headingId } }, [
      el('h3', { attrs: { id: headingId } }, [document.createTextNode(plural(kind.label)), el('span', { className: 'count', text: ` · ${kind.count}` })]),
    ]);
    const columns = el('div', { className: 'columns' });
    for (const column of kind.columns) columns.appendChild(renderColumn(kind, column));
    section.appendChild(columns);
    body.appendChild(section);
  });
}

function renderColumn(kind: PipelineKind, column: PipelineColumn): HTMLElement {
  const classes = ['column'];
  if (column.finished) classes.push('finished');
  if (!column.inWorkflow) classes.push('stray');
  const heading = column.inWorkflow ? column.status : `${column.status} (not in the workflow)`;
  const node = el('div', { className: classes.join(' '), attrs: { role: 'group', 'aria-label': `${plural(kind.label)}: ${heading}, ${column.cards.length}` } }, [
    el('h4', {}, [document.createTextNode(heading), el('span', { className: 'count', text: String(column.cards.length), attrs: { 'aria-hidden': 'true' } })]),
  ]);
  if (column.cards.length === 0) node.appendChild(el('p', { className: 'column-empty', text: 'None' }));
  else
    node.appendChild(
      el(
        'ul',
        { className: 'cards' },
        column.cards.map((card) => renderCard(kind, card)),
      ),
    );
  if (kind.known && column.inWorkflow) acceptDrops(node, kind.kind, column.status);
  return node;
}

function renderCard(kind: PipelineKind, card: PipelineCard): HTMLElement {
  const item = el('li', { className: card.overdue ? 'card overdue' : 'card' });
  item.appendChild(openButton(card.uri, card.title, 'card-title'));
  const meta = el('p', { className: 'card-meta' });
  if (card.overdue) meta.appendChild(el('span', { className: 'overdue-mark', text: `Overdue: ${card.overdueLabel ?? ''}` }));
  if (card.dateLabel && card.dateLabel !== card.overdueLabel) meta.appendChild(el('span', { text: card.dateLabel }));
  if (card.measure) meta.appendChild(el('span', { text: card.measure }));
  if (meta.childNodes.length > 0) item.appendChild(meta);
  if (kind.known && kind.statuses.length > 1) {
    item.appendChild(moveControl(kind, card));
    item.setAttribute('draggable', 'true');
    item.addEventListener('dragstart', (event) => {
      if (!event.dataTransfer) return;
      dragging = { uri: card.uri, kind: kind.kind, status: card.status };
      // A type of our own, so dropping a card on the editor or another app inserts nothing.
      event.dataTransfer.setData('application/x-devrel-draft', card.uri);
      event.dataTransfer.effectAllowed = 'move';
      item.classList.add('dragging');
      root.classList.add('is-dragging');
      root.dataset.dragKind = kind.kind;
    });
    item.addEventListener('dragend', () => endDrag(item));
  }
  return item;
}

/** The keyboard and screen-reader way to do what a drag does. */
function moveControl(kind: PipelineKind, card: PipelineCard): HTMLElement {
  const selectId = `move-${encodeURIComponent(card.uri)}`;
  const select = el('select', { attrs: { id: selectId, 'data-focus-key': `select:${card.uri}`, 'data-current': card.status } });
  // A status outside the workflow is listed too, so the select starts at where the card is.
  const statuses = kind.statuses.includes(card.status) ? kind.statuses : [card.status, ...kind.statuses];
  for (const status of statuses) {
    const option = el('option', { text: status });
    option.value = status;
    option.selected = status === card.status;
    select.appendChild(option);
  }
  // A separate button, not a change handler: arrow keys on a closed select fire change at every step.
  const button = el('button', { className: 'move-button', text: 'Move', attrs: { type: 'button', 'data-focus-key': `move:${card.uri}`, 'aria-label': `Move “${card.title}”` } });
  // Shown only once another status is picked: until then there is nothing to do.
  const sync = (): void => {
    button.hidden = select.value === card.status;
  };
  sync();
  select.addEventListener('change', sync);
  button.addEventListener('click', () => moveDraft(card, select.value));
  // The label is read out with the select; on screen the select's own "(now)" says enough.
  return el('div', { className: 'move' }, [el('label', { className: 'visually-hidden', text: `Move “${card.title}” to`, attrs: { for: selectId } }), select, button]);
}

function moveDraft(card: { uri: string; title: string; status: string }, status: string): void {
  if (status === card.status) return;
  postToHost({ type: 'setStatus', uri: card.uri, status });
  announce(`Moving “${card.title}” to ${status}…`);
}

function acceptDrops(column: HTMLElement, kind: string, status: string): void {
  const canDrop = (): boolean => dragging !== undefined && dragging.kind === kind && dragging.status !== status;
  column.classList.add('drop-zone');
  column.dataset.kind = kind;
  column.addEventListener('dragover', (event) => {
    if (!canDrop()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    column.classList.add('drop-hover');
  });
  column.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node) || !column.contains(event.relatedTarget)) column.classList.remove('drop-hover');
  });
  column.addEventListener('drop', (event) => {
    column.classList.remove('drop-hover');
    if (!canDrop() || !dragging) return;
    event.preventDefault();
    moveDraft({ uri: dragging.uri, title: findTitle(dragging.uri), status: dragging.status }, status);
    dragging = undefined;
  });
}

function endDrag(item: HTMLElement): void {
  dragging = undefined;
  item.classList.remove('dragging');
  root.classList.remove('is-dragging');
  delete root.dataset.dragKind;
  for (const node of document.querySelectorAll('.drop-hover')) node.classList.remove('drop-hover');
}

function findTitle(uri: string): string {
  for (const kind of savedModel()?.pipeline ?? []) for (const column of kind.columns) for (const card of column.cards) if (card.uri === uri) return card.title;
  return 'the draft';
}
