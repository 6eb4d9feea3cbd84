import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { encodeEvent, formatEvent, setEventSink, TestEvent } from '../runner/protocol';
import { createEventReporter, describeError } from '../runner/testReporter';

/**
 * Entry point loaded by the editor (code-server or desktop VS Code) as
 * `extensionTestsPath`. Runs every compiled `*.test.js` next to this file.
 */

// Activation must be observed before any other suite touches the extension, and
// command coverage can only be judged once every other suite has run.
const firstFiles = ['activation.test.js'];
const lastFiles = ['commandCoverage.test.js'];

export async function run(): Promise<void> {
  // Stack traces then point at the TypeScript sources (the build inlines maps).
  process.setSourceMapsEnabled(true);
  const sink = createSink();
  setEventSink(sink);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.DEVREL_TEST_MOCHA_TIMEOUT_MS) || 20_000,
    reporter: createEventReporter('integration', sink),
  });
  if (process.env.DEVREL_TEST_GREP) {
    mocha.grep(process.env.DEVREL_TEST_GREP);
  }
  for (const file of orderedTestFiles(__dirname)) {
    mocha.addFile(file);
  }

  let failures: number;
  try {
    failures = await new Promise<number>((resolve, reject) => {
      try {
        mocha.run(resolve);
      } catch (error) {
        reject(error);
      }
    });
  } catch (error) {
    // A test file that throws while loading never reaches the reporter.
    sink({ kind: 'fail', title: 'loading the integration test files', error: describeError(error) });
    sink({ kind: 'end', passed: 0, failed: 1, pending: 0, durationMs: 0 });
    throw error;
  }
  if (failures > 0) {
    throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
  }
}

export function orderedTestFiles(dir: string): string[] {
  const names = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  const rank = (name: string): number => {
    const base = path.posix.basename(name);
    if (firstFiles.includes(base)) {
      return 0;
    }
    return lastFiles.includes(base) ? 2 : 1;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((name) => path.join(dir, name));
}

function createSink(): (event: TestEvent) => void {
  const resultsFile = process.env.DEVREL_TEST_RESULTS_FILE;
  // Desktop VS Code pipes the extension host's console straight to the terminal,
  // where readable lines beat protocol lines.
  const plain = process.env.DEVREL_TEST_CONSOLE === 'plain';
  return (event) => {
    if (resultsFile) {
      fs.appendFileSync(resultsFile, JSON.stringify(event) + '\n');
    }
    if (plain) {
      const text = formatEvent(event);
      if (text !== undefined) {
        console.log(text);
      }
    } else {
      console.log(encodeEvent(event));
    }
  };
}
