import type { CoreConfig, DateFieldDefinition, KindDefinition } from './types';

const due: DateFieldDefinition = { field: 'due', label: 'Due', deadline: true };
const eventDate: DateFieldDefinition = { field: 'event_date', label: 'Event', deadline: true };

// Kinds are looked up by names written in files, so maps of kinds have no prototype:
// `kind: constructor` must not find Object.prototype.constructor.
export const BUILT_IN_KINDS: Readonly<Record<string, KindDefinition>> = Object.freeze(Object.assign(Object.create(null) as Record<string, KindDefinition>, {
  blog: {
    id: 'blog',
    label: 'Blog post',
    statuses: ['idea', 'drafting', 'review', 'scheduled', 'published'],
    finishedStatuses: ['published'],
    dateFields: [{ field: 'publish_date', alternatives: ['date'], label: 'Publish', deadline: true }, due],
  },
  talk: {
    id: 'talk',
    label: 'Talk',
    statuses: ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'],
    // A rejected talk is over too: it must not count as active work or go overdue.
    finishedStatuses: ['rejected', 'delivered'],
    sideStatuses: ['rejected'],
    dateFields: [{ field: 'cfp_deadline', label: 'CFP closes', deadline: true }, eventDate, due],
  },
  oss: {
    id: 'oss',
    label: 'OSS contribution',
    statuses: ['todo', 'in-progress', 'pr-open', 'merged', 'closed'],
    finishedStatuses: ['merged', 'closed'],
    dateFields: [due],
  },
  workshop: {
    id: 'workshop',
    label: 'Workshop',
    statuses: ['idea', 'drafting', 'ready', 'delivered'],
    finishedStatuses: ['delivered'],
    dateFields: [eventDate, due],
  },
  'trip-report': {
    id: 'trip-report',
    label: 'Trip report',
    statuses: ['drafting', 'shared'],
    finishedStatuses: ['shared'],
    // The event is what the report is about, so it is in the past by design: never overdue.
    dateFields: [{ ...eventDate, deadline: false }, due],
  },
}));

/** User overrides of a kind, as they come from settings: every field optional. */
export interface KindOverride {
  label?: string;
  statuses?: string[];
  finishedStatuses?: string[];
  sideStatuses?: string[];
  dateFields?: { field: string; label?: string; alternatives?: string[]; deadline?: boolean }[];
}

export interface KindProblem {
  kind: string;
  message: string;
}

/**
 * Merges settings into the built-in kinds. A kind with no usable workflow is
 * reported and left out rather than half-applied.
 */
export function resolveKinds(overrides: Record<string, KindOverride> | undefined): {
  kinds: Record<string, KindDefinition>;
  problems: KindProblem[];
} {
  const kinds = Object.create(null) as Record<string, KindDefinition>;
  const problems: KindProblem[] = [];
  for (const [id, kind] of Object.entries(BUILT_IN_KINDS)) {
    kinds[id] = structuredClone(kind);
  }
  for (const [id, override] of Object.entries(overrides ?? {})) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problems.push({ kind: id, message: `Kind "${id}" is not a valid id: use lowercase letters, digits and hyphens.` });
      continue;
    }
    if (typeof override !== 'object' || override === null) {
      problems.push({ kind: id, message: `Kind "${id}" must be an object.` });
      continue;
    }
    const base = kinds[id];
    const statuses = cleanList(override.statuses) ?? base?.statuses;
    if (!statuses || statuses.length === 0) {
      problems.push({ kind: id, message: `Kind "${id}" needs a non-empty "statuses" list.` });
      continue;
    }
    let finished = cleanList(override.finishedStatuses) ?? base?.finishedStatuses.filter((s) => statuses.includes(s));
    if (!finished || finished.length === 0) finished = [statuses[statuses.length - 1]];
    const strayFinished = finished.filter((s) => !statuses.includes(s));
    if (strayFinished.length > 0) {
      problems.push({ kind: id, message: `Kind "${id}": finished statuses ${strayFinished.join(', ')} are not in its workflow.` });
      finished = finished.filter((s) => statuses.includes(s));
      // As when none are given: without a finished status its drafts would go overdue forever.
      if (finished.length === 0) finished = [statuses[statuses.length - 1]];
    }
    const dateFields = Array.isArray(override.dateFields)
      ? override.dateFields
          .filter((d) => d && typeof d.field === 'string' && d.field.length > 0)
          .map((d) => ({
            field: d.field,
            label: typeof d.label === 'string' && d.label ? d.label : humanise(d.field),
            alternatives: cleanList(d.alternatives),
            deadline: d.deadline !== false,
          }))
      : base?.dateFields ?? [due];
    kinds[id] = {
      id,
      label: typeof override.label === 'string' && override.label ? override.label : base?.label ?? humanise(id),
      statuses,
      finishedStatuses: finished,
      sideStatuses: (cleanList(override.sideStatuses) ?? base?.sideStatuses ?? []).filter((s) => statuses.includes(s)),
      dateFields,
    };
  }
  return { kinds, problems };
}

function cleanList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim());
  return [...new Set(items)];
}

function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isFinished(kind: KindDefinition | undefined, status: string): boolean {
  return kind !== undefined && kind.finishedStatuses.includes(status);
}

/** Active work sits strictly between the first status and the finished ones. */
export function isActive(kind: KindDefinition | undefined, status: string): boolean {
  if (!kind) return false;
  const index = kind.statuses.indexOf(status);
  return index > 0 && !kind.finishedStatuses.includes(status);
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

export const DEFAULT_CONFIG: CoreConfig = Object.freeze({
  kinds: BUILT_IN_KINDS as Record<string, KindDefinition>,
  folderKinds: [],
  wordsPerMinute: 238,
  abstractMaxChars: 900,
  maxFileBytes: 2 * 1024 * 1024,
});

/** A stable key of everything in the config that changes how a file is read, for cache invalidation. */
export function configKey(config: CoreConfig): string {
  return JSON.stringify([config.kinds, config.folderKinds, config.wordsPerMinute, config.abstractMaxChars, config.maxFileBytes, config.sites ?? []]);
}
