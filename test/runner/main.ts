import { installSignalHandlers, runCleanups, runScript } from './cleanup';
import { ensureCodeServer, PrerequisiteError } from './codeServer';
import { buildExtension, buildIntegrationTests } from './build';
import { runIntegrationPhase } from './integration';
import { PhaseResult } from './phase';
import { codeServerVersion } from './paths';
import { describeMissing, missingForRun } from './prerequisites';
import { formatCounts } from './protocol';
import { runUiPhase } from './ui';

/**
 * Runs the editor test phases in code-server with headless Chromium.
 *
 *   tsx test/runner/main.ts [integration] [ui]
 *
 * With no phase named, runs both. The last line is the combined
 * `N passed, N failed` of every phase that ran.
 */

type Phase = 'integration' | 'multiroot' | 'sites' | 'ui';
const phases: readonly Phase[] = ['integration', 'multiroot', 'sites', 'ui'];

async function main(): Promise<number> {
  installSignalHandlers();
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = requested.filter((arg) => !phases.includes(arg as Phase));
  if (unknown.length > 0) {
    console.error(`unknown phase: ${unknown.join(', ')} (expected: ${phases.join(', ')})`);
    return 2;
  }
  const selected = requested.length > 0 ? phases.filter((phase) => requested.includes(phase)) : phases;

  const missing = missingForRun();
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    return 1;
  }
  let entry: string;
  try {
    const installed = await ensureCodeServer((line) => console.log(line));
    console.log(installed.installedNow ? `code-server ${codeServerVersion} installed in ${installed.seconds} s` : `code-server ${codeServerVersion}: reusing .vscode-test install`);
    entry = installed.entry;
  } catch (error) {
    console.error(error instanceof PrerequisiteError ? error.message : `installing code-server failed: ${String(error)}`);
    return 1;
  }

  const buildStarted = Date.now();
  await buildExtension();
  let integrationEntry = '';
  if (selected.includes('integration') || selected.includes('multiroot') || selected.includes('sites')) {
    const compiled = await buildIntegrationTests();
    integrationEntry = compiled.integrationEntry;
    console.log(`built the extension and ${compiled.testFiles.length} integration test files in ${Date.now() - buildStarted} ms`);
  }

  const results: PhaseResult[] = [];
  for (const phase of selected) {
    const titles: Record<Phase, string> = {
      integration: 'Integration tests (extension host)',
      multiroot: 'Integration tests in a multi-root workspace (extension host)',
      sites: 'Integration tests on site fixtures with no settings (extension host)',
      ui: 'UI tests (Playwright)',
    };
    console.log(`\n${titles[phase]} in code-server ${codeServerVersion}`);
    const print = (line: string): void => console.log(line);
    const result =
      phase === 'ui'
        ? await runUiPhase(entry, print)
        : await runIntegrationPhase(entry, integrationEntry, print, phase === 'multiroot' ? 'multi-root' : phase === 'sites' ? 'sites' : 'single-root');
    results.push(result);
    console.log(`${phase} took ${result.seconds} s`);
    console.log(formatCounts(result.counts, phase));
  }
  await runCleanups();

  const total = results.reduce(
    (sum, result) => ({
      passed: sum.passed + result.counts.passed,
      failed: sum.failed + result.counts.failed,
      pending: sum.pending + result.counts.pending,
    }),
    { passed: 0, failed: 0, pending: 0 },
  );
  console.log('');
  console.log(formatCounts(total));
  return total.failed > 0 ? 1 : 0;
}

runScript(main, () => '0 passed, 1 failed');
