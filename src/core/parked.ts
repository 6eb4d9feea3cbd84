// Parking lives apart from the focus rules because the schedule reads it too, and the focus
// rules read the schedule.

import type { Draft } from './types';

/** The front-matter flag Park sets: the draft keeps its status and leaves the focus count until resumed. */
export const PARKED_FIELD = 'parked';

/** Whether a draft was set aside with Park; its status is kept as it was. */
export function isParked(draft: Draft): boolean {
  return draft.fields[PARKED_FIELD] === true;
}
