import * as fs from 'fs';
import * as path from 'path';
import { isInterrupted } from './cleanup';
import { Counts, countEvents, formatEvent, TestEvent } from './protocol';

export interface PhaseResult {
  name: string;
  counts: Counts;
  seconds: number;
}

export type Print = (line: string) => void;

/** Limit for one phase, so a hung editor fails the run instead of blocking it. */
export function phaseTimeoutMs(): number {
  return Number(process.env.DEVREL_TEST_TIMEOUT_MS) || 15 * 60_000;
}

export function isVerbose(): boolean {
  return process.env.DEVREL_TEST_VERBOSE === '1';
}

/**
 * Collects a phase's test events, prints them as they come, and turns problems
 * outside any test (timeouts, crashes, no tests at all) into failures so they
 * show in the counts.
 */
export class EventLog {
  readonly events: TestEvent[] = [];
  private readonly runProblems: string[] = [];
  /** Notes arrive while their test runs, before its result; they print after it. */
  private heldNotes: string[] = [];

  constructor(
    private readonly phase: string,
    private readonly print: Print,
  ) {}

  add(event: TestEvent): void {
    this.events.push(event);
    const text = formatEvent(event);
    if (event.kind === 'note') {
      this.heldNotes.push(text ?? '');
      return;
    }
    // Notes held so far belong to the test that just finished (or to the
    // afterEach hooks of the one before the test that now begins).
    if (event.kind === 'begin') {
      this.flushNotes();
    }
    if (text !== undefined) {
      this.print(text);
    }
    if (event.kind !== 'start' && event.kind !== 'begin') {
      this.flushNotes();
    }
  }

  private flushNotes(): void {
    for (const note of this.heldNotes) {
      this.print(note);
    }
    this.heldNotes = [];
  }

  /** Adopts events from an authoritative record, printing any the live stream missed. */
  reconcile(recorded: readonly TestEvent[]): void {
    for (let i = this.events.length; i < recorded.length; i++) {
      this.add(recorded[i]);
    }
  }

  failRun(reason: string): void {
    this.flushNotes();
    this.runProblems.push(reason);
    if (isInterrupted()) {
      // Everything fails while shutting down; the interruption was reported already.
      return;
    }
    this.print(`  FAIL  ${this.phase} run: ${reason.replace(/\n/g, '\n        ')}`);
  }

  get finished(): boolean {
    return this.events.some((event) => event.kind === 'end');
  }

  counts(): Counts {
    const counts = countEvents(this.events);
    counts.failed += this.runProblems.length;
    return counts;
  }
}

export function readEventsFile(file: string): TestEvent[] {
  if (!fs.existsSync(file)) {
    return [];
  }
  const events: TestEvent[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim()) {
      try {
        events.push(JSON.parse(line) as TestEvent);
      } catch {
        // A line cut short by a crash; the run is judged failed elsewhere.
      }
    }
  }
  return events;
}

export function resultPath(...segments: string[]): string {
  const file = path.join(...segments);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

export function timeout(ms: number): { promise: Promise<'timeout'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Local time in the editor's log format, so helpers.ts parses both alike. */
export function logTimestamp(date: Date = new Date()): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}
