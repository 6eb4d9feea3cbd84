import Mocha from 'mocha';
import { findSourceMap } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TestEvent } from './protocol';

export type EventSink = (event: TestEvent) => void;

/**
 * A mocha reporter that turns runner events into protocol events. It is a factory
 * because mocha constructs reporters itself and the sink differs between the
 * extension host (console + file) and the runner's own process (direct printing).
 */
export function createEventReporter(suiteName: string, sink: EventSink): Mocha.ReporterConstructor {
  const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

  return class EventReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const startedAt = Date.now();
      const counts = { passed: 0, failed: 0, pending: 0 };
      runner.once(EVENT_RUN_BEGIN, () => {
        sink({ kind: 'start', suite: suiteName, total: runner.total });
      });
      runner.on(EVENT_TEST_BEGIN, (test: Mocha.Test) => {
        sink({ kind: 'begin', title: test.fullTitle() });
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        counts.passed++;
        sink({ kind: 'pass', title: test.fullTitle(), durationMs: test.duration ?? 0 });
      });
      // Hook failures arrive here too, so a broken `before` counts as a failure.
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, error: unknown) => {
        counts.failed++;
        sink({ kind: 'fail', title: test.fullTitle(), durationMs: test.duration, error: describeError(error) });
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        counts.pending++;
        sink({ kind: 'pending', title: test.fullTitle() });
      });
      runner.once(EVENT_RUN_END, () => {
        sink({ kind: 'end', ...counts, durationMs: Date.now() - startedAt });
      });
    }
  };
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  // Playwright colours its call logs; the runner's output goes to files and CI logs too.
  const stack = (error.stack ?? `${error.name}: ${error.message}`).replace(/\u001b\[[0-9;]*m/g, '');
  const firstFrame = stack.search(/\n\s+at /);
  const message = (firstFrame < 0 ? stack : stack.slice(0, firstFrame)).split('\n').slice(0, 60);
  const frames = (firstFrame < 0 ? '' : stack.slice(firstFrame + 1))
    .split('\n')
    // Mocha's and Node's own frames say nothing about the failing test.
    .filter((line) => line.trim() && !/node_modules[\\/]mocha[\\/]|node:internal|\(node:/.test(line))
    .slice(0, 6)
    .map((line) => toSourceLocation(line.trim()));
  const lines = [...message, ...frames.map((line) => `  ${line}`)];
  const details = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  // Node's assert already prints a diff; other assertion libraries may not.
  if (details.showDiff !== false && 'actual' in details && 'expected' in details && !/actual/.test(message.join('\n'))) {
    lines.push(`expected: ${preview(details.expected)}`, `actual:   ${preview(details.actual)}`);
  }
  return lines.join('\n');
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Points a compiled-file stack frame at the TypeScript source. The extension
 * host installs its own Error.prepareStackTrace, so Node's source-map support
 * never rewrites these frames; the maps esbuild inlined are read here instead.
 */
function toSourceLocation(frame: string): string {
  return frame.replace(/((?:file:\/\/)?\/[^():]+\.js):(\d+):(\d+)/, (whole, file: string, line: string, column: string) => {
    try {
      const filePath = file.startsWith('file:') ? fileURLToPath(file) : file;
      const entry = findSourceMap(filePath)?.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry || !('originalSource' in entry)) {
        return whole;
      }
      const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(filePath), entry.originalSource);
      return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    } catch {
      return whole;
    }
  });
}
