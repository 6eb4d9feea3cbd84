import Mocha from 'mocha';
import { TestEvent } from './protocol';

export type EventSink = (event: TestEvent) => void;

/**
 * A mocha reporter that turns runner events into protocol events. It is a factory
 * because mocha constructs reporters itself and the sink differs between the
 * extension host (console + file) and the runner's own process (direct printing).
 */
export function createEventReporter(suiteName: string, sink: EventSink): Mocha.ReporterConstructor {
  const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } =
    Mocha.Runner.constants;

  return class EventReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const startedAt = Date.now();
      const counts = { passed: 0, failed: 0, pending: 0 };
      runner.once(EVENT_RUN_BEGIN, () => {
        sink({ kind: 'start', suite: suiteName, total: runner.total });
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
  const stack = (error.stack ?? `${error.name}: ${error.message}`)
    .split('\n')
    // Mocha's own frames say nothing about the failing test.
    .filter((line) => !/node_modules[\\/]mocha[\\/]|node:internal/.test(line))
    .slice(0, 12)
    .join('\n');
  const details = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  if (details.showDiff === false || !('actual' in details) || !('expected' in details)) {
    return stack;
  }
  return `${stack}\nexpected: ${preview(details.expected)}\nactual:   ${preview(details.actual)}`;
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
