// Reading a kind's workflow: where a status stands in it and what comes next.

import type { KindDefinition } from '../types';

export function isFinished(kind: KindDefinition | undefined, status: string): boolean {
  return kind !== undefined && kind.finishedStatuses.includes(status);
}

/**
 * Active work is work in hand: a status the kind names as one where the advocate does the
 * work (see `activeStatuses`). Statuses that wait on others (submitted, scheduled) are not load.
 */
export function isActive(kind: KindDefinition | undefined, status: string): boolean {
  if (!kind) return false;
  return activeStatuses(kind).includes(status);
}

/**
 * Work in flight that waits on someone else: past the first status, not finished, and not one
 * the advocate works in. A submitted talk waits for the CFP's answer, an open PR for review.
 */
export function isWaiting(kind: KindDefinition | undefined, status: string): boolean {
  if (!kind) return false;
  const index = kind.statuses.indexOf(status);
  return index > 0 && !kind.finishedStatuses.includes(status) && !isActive(kind, status);
}

/**
 * The statuses in which the advocate does the work, as the kind declares them; for a kind that
 * declares none, every status between the first and the finished ones, side statuses left out.
 */
export function activeStatuses(kind: KindDefinition): string[] {
  if (kind.activeStatuses) return kind.activeStatuses.filter((status) => kind.statuses.includes(status));
  return kind.statuses.filter((status, index) => index > 0 && !kind.finishedStatuses.includes(status) && !kind.sideStatuses?.includes(status));
}

export function nextStatus(kind: KindDefinition, status: string): string | undefined {
  const index = kind.statuses.indexOf(status);
  if (index < 0) return kind.statuses[0];
  for (let i = index + 1; i < kind.statuses.length; i++) {
    if (kind.sideStatuses?.includes(kind.statuses[i])) continue;
    return kind.statuses[i];
  }
  return undefined;
}
