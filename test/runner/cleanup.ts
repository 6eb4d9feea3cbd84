/**
 * One place that knows what a run has started, so code-server and Chromium are
 * stopped on success, on failure and on Ctrl+C/SIGTERM alike.
 */

interface CleanupEntry {
  name: string;
  run: () => Promise<void> | void;
  /** Synchronous fallback for `process.exit`, where nothing async can run. */
  force?: () => void;
}

const entries: CleanupEntry[] = [];
let signalled = false;

/** Registers a cleanup; the returned function runs it now and unregisters it. */
export function addCleanup(name: string, run: () => Promise<void> | void, force?: () => void): () => Promise<void> {
  const entry: CleanupEntry = { name, run, force };
  entries.push(entry);
  return async () => {
    const index = entries.indexOf(entry);
    if (index >= 0) {
      entries.splice(index, 1);
      await runEntry(entry);
    }
  };
}

/** Runs every registered cleanup, newest first. */
export async function runCleanups(): Promise<void> {
  while (entries.length > 0) {
    const entry = entries.pop()!;
    await runEntry(entry);
  }
}

/**
 * Stops everything registered on Ctrl+C, SIGTERM or SIGHUP, then exits with the
 * conventional 128+signal code, or 0 when an interrupt is the normal way to end
 * (a dev server).
 */
/** True once Ctrl+C or a termination signal has started the shutdown. */
export function isInterrupted(): boolean {
  return signalled;
}

export function installSignalHandlers(options: { interruptIsSuccess?: boolean } = {}): void {
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals, signalCode: number): void => {
    const code = options.interruptIsSuccess ? 0 : signalCode;
    if (signalled) {
      // npm and tsx relay the terminal's Ctrl+C, so one key press arrives two or
      // three times within milliseconds. Only a later, deliberate one means "now".
      if (Date.now() - firstSignalAt > 1_500) {
        forceAll();
        process.exit(code);
      }
      return;
    }
    signalled = true;
    firstSignalAt = Date.now();
    const names = entries.map((entry) => entry.name).reverse();
    process.stderr.write(`\n${signal}: stopping${names.length ? ` ${names.join(', ')}` : ''}…\n`);
    void runCleanups().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
  process.on('exit', forceAll);
}

function forceAll(): void {
  for (const entry of entries.splice(0).reverse()) {
    try {
      entry.force?.();
    } catch {
      // Best effort while exiting.
    }
  }
}

async function runEntry(entry: CleanupEntry): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(entry.run),
      new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), 15_000);
      }),
    ]);
  } catch (error) {
    process.stderr.write(`cleanup "${entry.name}" failed: ${error instanceof Error ? error.message : String(error)}\n`);
    try {
      entry.force?.();
    } catch {
      // Nothing more to try.
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a script's `main()` and sets the exit code from it. A crash prints the error, runs the
 * cleanups and, when given, one last line for whoever reads the output (a summary, JSON).
 */
export function runScript(main: () => Promise<number>, lastLine?: (error: unknown) => string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await runCleanups();
      if (lastLine) console.log(lastLine(error));
      process.exitCode = 1;
    },
  );
}
