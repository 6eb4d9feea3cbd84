/**
 * The line protocol between a mocha run and the runner that prints it. Integration
 * tests run inside the editor's extension host, so their results travel as console
 * lines (forwarded by the workbench) and as a JSON-lines file; UI tests run in the
 * runner's own process and use the same events so both print alike.
 */

export type TestEvent =
  | { kind: 'start'; suite: string; total: number }
  | { kind: 'begin'; title: string }
  | { kind: 'pass'; title: string; durationMs: number }
  | { kind: 'fail'; title: string; durationMs?: number; error: string }
  | { kind: 'pending'; title: string }
  | { kind: 'note'; text: string }
  | { kind: 'end'; passed: number; failed: number; pending: number; durationMs: number };

export const eventPrefix = '[devrel-test] ';

export interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

export function encodeEvent(event: TestEvent): string {
  return eventPrefix + JSON.stringify(event);
}

export function decodeEvent(line: string): TestEvent | undefined {
  const at = line.indexOf(eventPrefix);
  if (at < 0) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(line.slice(at + eventPrefix.length));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { kind?: unknown }).kind === 'string') {
      return parsed as TestEvent;
    }
  } catch {
    // A console line that merely contains the prefix is not an event.
  }
  return undefined;
}

export function formatEvent(event: TestEvent): string | undefined {
  switch (event.kind) {
    case 'start':
      return `  running ${event.total} test${event.total === 1 ? '' : 's'} (${event.suite})`;
    case 'pass':
      return `  PASS  ${event.title} (${event.durationMs} ms)`;
    case 'fail':
      return `  FAIL  ${event.title}\n${indent(event.error, '        ')}`;
    case 'pending':
      return `  SKIP  ${event.title}`;
    case 'note':
      return `        ${event.text}`;
    case 'begin':
    case 'end':
      return undefined;
  }
}

export function countEvents(events: readonly TestEvent[]): Counts {
  const counts: Counts = { passed: 0, failed: 0, pending: 0 };
  for (const event of events) {
    if (event.kind === 'pass') {
      counts.passed++;
    } else if (event.kind === 'fail') {
      counts.failed++;
    } else if (event.kind === 'pending') {
      counts.pending++;
    }
  }
  return counts;
}

/** The closing line CI reads: `N passed, N failed`, with skips only when there are some. */
export function formatCounts(counts: Counts, label?: string): string {
  const skipped = counts.pending > 0 ? `, ${counts.pending} skipped` : '';
  return `${label ? `${label}: ` : ''}${counts.passed} passed, ${counts.failed} failed${skipped}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

type Sink = (event: TestEvent) => void;
const sinkKey = Symbol.for('devrel-desk.testEventSink');

/** Lets the mocha run's sink be found from test code without importing the runner. */
export function setEventSink(sink: Sink | undefined): void {
  (globalThis as Record<symbol, unknown>)[sinkKey] = sink;
}

/** Prints an indented line under the current test in the runner's output. */
export function emitNote(text: string): void {
  const sink = (globalThis as Record<symbol, unknown>)[sinkKey] as Sink | undefined;
  if (sink) {
    sink({ kind: 'note', text });
  } else {
    console.log(text);
  }
}
