import * as vscode from 'vscode';
import { OUTPUT_CHANNEL } from '../constants';
import { errorDetail, errorMessage } from '../core/util/result';

let channel: vscode.LogOutputChannel | undefined;

export function createLogger(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  return channel;
}

/** Where everything is logged: the output channel, or the console before activation creates it. */
export function log(): Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error' | 'debug' | 'trace'> {
  return channel ?? console;
}

/** Opens the log for the person, as Show Log does. */
export function showLog(): void {
  channel?.show();
}

/**
 * Reports a failed user action: the detail goes to the log, the person sees one short
 * message that says what failed and offers the log.
 */
export async function reportError(action: string, error: unknown): Promise<void> {
  const detail = errorDetail(error);
  log().error(`${action} failed: ${detail}`);
  const reason = errorMessage(error);
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('DevRel Desk: {0} failed. {1}', action, reason), vscode.l10n.t('Show Log'));
  if (choice === vscode.l10n.t('Show Log')) channel?.show();
}

/** A problem the user can fix, said plainly; not logged as an error. */
export class UserError extends Error {}
