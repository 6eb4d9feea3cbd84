// DevRel Dashboard page. It draws the model the extension posts, and posts back only
// requests the extension checks again: open a draft, move a draft to a status.
//
// Every piece of workspace text goes in through textContent or a DOM attribute, never through
// innerHTML: titles come from files anyone can write, and must show as the text they are.
//
// The per-month charts are hand-drawn SVG: a dozen bars with axis labels don't need a
// charting library, and this way the page has no dependencies and follows the theme's colours.
// @ts-check
(function () {
  'use strict';

  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';

  const root = /** @type {HTMLElement} */ (document.getElementById('dashboard-root'));
  const focusLine = /** @type {HTMLElement} */ (document.getElementById('focus-line'));
  const announcer = /** @type {HTMLElement} */ (document.getElementById('announcer'));
  const bodies = {
    pipeline: /** @type {HTMLElement} */ (document.querySelector('#pipeline .section-body')),
    calendar: /** @type {HTMLElement} */ (document.querySelector('#calendar .section-body')),
    impact: /** @type {HTMLElement} */ (document.querySelector('#impact .section-body')),
  };

  /** The card being dragged: drops are only offered on columns of its own kind. */
  let dragging = /** @type {{ uri: string, kind: string, status: string } | undefined} */ (undefined);
  /** A model that arrived mid-drag, drawn when the drag ends. */
  let pendingModel = /** @type {unknown} */ (undefined);

  // ------------------------------------------------------------------------------------------
  // DOM helpers: text only, attributes only from a fixed list of names.

  /**
   * @param {string} tag
   * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [options]
   * @param {(Node | undefined | false)[]} [children]
   * @returns {HTMLElement}
   */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined) node.textContent = options.text;
    for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
    for (const child of children) if (child) node.appendChild(child);
    return node;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} [attrs]
   * @param {string} [text]
   * @returns {SVGElement}
   */
  function svg(tag, attrs = {}, text) {
    const node = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {string} message */
  function announce(message) {
    // Cleared first so the same words twice in a row are still read out.
    announcer.textContent = '';
    setTimeout(() => (announcer.textContent = message), 50);
  }

  /** @param {number} value */
  function formatNumber(value) {
    return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  }

  /** @param {string} label */
  function plural(label) {
    return /s$/i.test(label) ? label : `${label}s`;
  }

  /** @param {string} uri */
  function openDraft(uri) {
    vscode.postMessage({ type: 'open', uri });
  }

  /**
   * @param {{ uri: string, title: string, status: string }} card
   * @param {string} status
   */
  function moveDraft(card, status) {
    if (status === card.status) return;
    vscode.postMessage({ type: 'setStatus', uri: card.uri, status });
    announce(`Moving “${card.title}” to ${status}…`);
  }

  /**
   * @param {string} uri
   * @param {string} title
   */
  function openButton(uri, title, className = 'link-button') {
    const button = el('button', { className, text: title, attrs: { type: 'button', 'data-focus-key': `open:${uri}` } });
    button.addEventListener('click', () => openDraft(uri));
    return button;
  }

  // ------------------------------------------------------------------------------------------
  // Focus line

  function renderFocus(model) {
    focusLine.textContent = model.focus.text;
    focusLine.classList.toggle('over', model.focus.over);
    const old = document.getElementById('focus-warnings');
    if (old) old.remove();
    if (model.focus.warnings.length > 0) {
      const list = el('ul', { className: 'focus-warnings', attrs: { id: 'focus-warnings' } }, model.focus.warnings.map((w) => el('li', { text: w })));
      focusLine.after(list);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Pipeline

  function renderPipeline(model) {
    const body = bodies.pipeline;
    body.replaceChildren();
    if (model.pipeline.length === 0) {
      body.appendChild(el('p', { className: 'empty', text: 'No drafts yet. Create one with DevRel: New Draft… and it shows up here, in a column for its status.' }));
      return;
    }
    body.appendChild(
      el('p', {
        className: 'hint',
        text: 'Drag a card to another column of its board to change its status, or pick a status under the card and choose Move.',
      }),
    );
    model.pipeline.forEach((kind, index) => {
      const headingId = `board-${index}`;
      const board = el('section', { className: 'board', attrs: { 'aria-labelledby': headingId } }, [
        el('h3', { attrs: { id: headingId } }, [document.createTextNode(plural(kind.label)), el('span', { className: 'count', text: ` · ${kind.count}` })]),
      ]);
      const columns = el('div', { className: 'columns' });
      for (const column of kind.columns) columns.appendChild(renderColumn(kind, column));
      board.appendChild(columns);
      body.appendChild(board);
    });
  }

  function renderColumn(kind, column) {
    const classes = ['column'];
    if (column.finished) classes.push('finished');
    if (!column.inWorkflow) classes.push('stray');
    const heading = column.inWorkflow ? column.status : `${column.status} (not in the workflow)`;
    const node = el('div', { className: classes.join(' '), attrs: { role: 'group', 'aria-label': `${plural(kind.label)}: ${heading}, ${column.cards.length}` } }, [
      el('h4', {}, [document.createTextNode(heading), el('span', { className: 'count', text: String(column.cards.length), attrs: { 'aria-hidden': 'true' } })]),
    ]);
    if (column.cards.length === 0) node.appendChild(el('p', { className: 'column-empty', text: 'None' }));
    else node.appendChild(el('ul', { className: 'cards' }, column.cards.map((card) => renderCard(kind, card))));
    if (kind.known && column.inWorkflow) acceptDrops(node, kind.kind, column.status);
    return node;
  }

  function renderCard(kind, card) {
    const item = el('li', { className: card.overdue ? 'card overdue' : 'card' });
    item.appendChild(openButton(card.uri, card.title, 'card-title'));
    const meta = el('p', { className: 'card-meta' });
    if (card.overdue) meta.appendChild(el('span', { className: 'overdue-mark', text: `Overdue: ${card.overdueLabel}` }));
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
  function moveControl(kind, card) {
    const selectId = `move-${encodeURIComponent(card.uri)}`;
    const select = /** @type {HTMLSelectElement} */ (
      el('select', { attrs: { id: selectId, 'data-focus-key': `select:${card.uri}`, 'data-current': card.status } })
    );
    // A status outside the workflow is listed too, so the select starts at where the card is.
    const statuses = kind.statuses.includes(card.status) ? kind.statuses : [card.status, ...kind.statuses];
    for (const status of statuses) {
      const option = /** @type {HTMLOptionElement} */ (el('option', { text: status }));
      option.value = status;
      option.selected = status === card.status;
      select.appendChild(option);
    }
    // A separate button, not a change handler: arrow keys on a closed select fire change at every step.
    const button = /** @type {HTMLButtonElement} */ (
      el('button', { className: 'move-button', text: 'Move', attrs: { type: 'button', 'data-focus-key': `move:${card.uri}`, 'aria-label': `Move “${card.title}”` } })
    );
    // Shown only once another status is picked: until then there is nothing to do.
    const sync = () => (button.hidden = select.value === card.status);
    sync();
    select.addEventListener('change', sync);
    button.addEventListener('click', () => moveDraft(card, select.value));
    // The label is read out with the select; on screen the select's own "(now)" says enough.
    return el('div', { className: 'move' }, [el('label', { className: 'visually-hidden', text: `Move “${card.title}” to`, attrs: { for: selectId } }), select, button]);
  }

  function acceptDrops(column, kind, status) {
    const canDrop = () => dragging !== undefined && dragging.kind === kind && dragging.status !== status;
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
      const title = findTitle(dragging.uri);
      moveDraft({ uri: dragging.uri, title, status: dragging.status }, status);
      dragging = undefined;
    });
  }

  function endDrag(item) {
    dragging = undefined;
    item.classList.remove('dragging');
    root.classList.remove('is-dragging');
    delete root.dataset.dragKind;
    for (const node of document.querySelectorAll('.drop-hover')) node.classList.remove('drop-hover');
  }

  /** @param {string} uri */
  function findTitle(uri) {
    const model = vscode.getState()?.model;
    for (const kind of model?.pipeline ?? []) for (const column of kind.columns) for (const card of column.cards) if (card.uri === uri) return card.title;
    return 'the draft';
  }

  // ------------------------------------------------------------------------------------------
  // Calendar

  function renderCalendar(model) {
    const body = bodies.calendar;
    const calendar = model.calendar;
    body.replaceChildren();
    if (calendar.overdue.length > 0) {
      body.appendChild(
        el('div', { className: 'overdue-list' }, [
          el('h3', { text: `Overdue · ${calendar.overdue.length}` }),
          el('ul', { className: 'cal-items' }, calendar.overdue.map(calendarItem)),
        ]),
      );
    }
    const weeks = el('ol', { className: 'weeks', attrs: { 'aria-label': `Weeks from ${calendar.weeks[0].label.split(' – ')[0]}` } });
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

  function calendarItem(item) {
    const classes = ['cal-item'];
    if (item.overdue) classes.push('overdue');
    if (item.commitment) classes.push('commitment');
    return el('li', { className: classes.join(' ') }, [
      el('span', { className: 'cal-when', text: `${item.dayLabel} · ${item.label}` }),
      openButton(item.uri, item.title),
      el('span', { className: 'cal-detail', text: `${item.kindLabel}, ${item.status} · ${item.overdue ? `overdue, ${item.when}` : item.when}` }),
    ]);
  }

  // ------------------------------------------------------------------------------------------
  // Impact

  function renderImpact(model) {
    const body = bodies.impact;
    const impact = model.impact;
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
        text: `${formatNumber(impact.entryCount)} ${impact.entryCount === 1 ? 'entry' : 'entries'} logged across ${impact.draftCount} ${impact.draftCount === 1 ? 'draft' : 'drafts'}.`,
      }),
    );
    body.appendChild(totalsTable(impact));
    const charts = el('div', { className: 'charts' });
    for (const metric of impact.metrics) charts.appendChild(chart(metric));
    body.appendChild(charts);
  }

  function totalsTable(impact) {
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

  /** A round top for the y axis, so its labels read as 5, 10, 50, 100… and not 137. */
  function niceMax(value) {
    if (value <= 0) return 1;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
    return 10 * magnitude;
  }

  function chart(metric) {
    const width = 360;
    const height = 170;
    const left = 40;
    const right = 8;
    const top = 12;
    const bottom = 34;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const series = metric.series;
    const max = niceMax(metric.max);
    const slot = plotWidth / series.length;
    const barWidth = Math.max(2, slot * 0.62);
    const first = series[0];
    const last = series[series.length - 1];
    const nonZero = series.filter((m) => m.total > 0).map((m) => `${m.label} ${formatNumber(m.total)}`);
    const summary =
      `${metric.label} per month, ${first.label} to ${last.label}: ` +
      (nonZero.length > 0 ? `${nonZero.join(', ')}; other months 0.` : 'none in these months.');
    const title = `${metric.label} per month`;

    const chartSvg = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, class: 'chart-svg', preserveAspectRatio: 'xMidYMid meet' });
    chartSvg.appendChild(svg('title', {}, summary));
    for (const fraction of [0, 0.5, 1]) {
      const y = top + plotHeight - fraction * plotHeight;
      chartSvg.appendChild(svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: fraction === 0 ? 'axis' : 'grid' }));
      chartSvg.appendChild(svg('text', { x: left - 6, y: y + 3.5, 'text-anchor': 'end', class: 'tick' }, formatNumber(max * fraction)));
    }
    series.forEach((month, index) => {
      const x = left + index * slot + (slot - barWidth) / 2;
      const barHeight = (month.total / max) * plotHeight;
      const bar = svg('rect', {
        x: x.toFixed(2),
        y: (top + plotHeight - barHeight).toFixed(2),
        width: barWidth.toFixed(2),
        // Empty months keep a sliver, so a hover still finds their title.
        height: Math.max(barHeight, 0.5).toFixed(2),
        class: month.total > 0 ? 'bar' : 'bar empty-bar',
      });
      bar.appendChild(svg('title', {}, `${month.label}: ${formatNumber(month.total)} ${metric.unit}`));
      chartSvg.appendChild(bar);
      const [monthName, year] = month.label.split(' ');
      const cx = left + index * slot + slot / 2;
      chartSvg.appendChild(svg('text', { x: cx.toFixed(2), y: top + plotHeight + 14, 'text-anchor': 'middle', class: 'tick' }, monthName));
      // The year under each January, and under the first month unless a January is right beside it.
      if (monthName === 'Jan' || (index === 0 && series[1]?.label.slice(0, 3) !== 'Jan')) chartSvg.appendChild(svg('text', { x: cx.toFixed(2), y: top + plotHeight + 27, 'text-anchor': 'middle', class: 'tick year' }, year));
    });

    return el('figure', { className: 'chart' }, [
      el('figcaption', {}, [el('span', { className: 'chart-title', text: title }), el('span', { className: 'chart-total', text: `${formatNumber(metric.allTime)} ${metric.unit} in all` })]),
      chartSvg,
    ]);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering and messages

  function isModel(value) {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof value.focus === 'object' &&
      Array.isArray(value.pipeline) &&
      typeof value.calendar === 'object' &&
      Array.isArray(value.calendar.weeks) &&
      typeof value.impact === 'object' &&
      Array.isArray(value.impact.metrics)
    );
  }

  /** @returns {Map<string, HTMLElement>} */
  function controlsByKey() {
    const controls = new Map();
    for (const node of document.querySelectorAll('[data-focus-key]')) {
      if (node instanceof HTMLElement) controls.set(node.getAttribute('data-focus-key') ?? '', node);
    }
    return controls;
  }

  function render(model) {
    // A re-render replaces every control, and files change while someone is mid-choice:
    // keep keyboard focus where it was, and any status picked but not yet moved to.
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement ? active.getAttribute('data-focus-key') : null;
    const picked = new Map();
    for (const [key, node] of controlsByKey()) {
      if (node instanceof HTMLSelectElement && node.value !== node.dataset.current) picked.set(key, node.value);
    }
    renderFocus(model);
    renderPipeline(model);
    renderCalendar(model);
    renderImpact(model);
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

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'model' && isModel(message.model)) {
      // A render mid-drag would pull the dragged card out from under the pointer.
      if (dragging) pendingModel = message.model;
      else show(message.model);
    } else if (message.type === 'statusResult' && typeof message.message === 'string') {
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

  function show(model) {
    vscode.setState({ model });
    render(model);
  }

  // Drawn at once from the last model when the page comes back, then refreshed by the extension.
  const saved = vscode.getState();
  if (saved && isModel(saved.model)) render(saved.model);
  vscode.postMessage({ type: 'ready' });
})();
