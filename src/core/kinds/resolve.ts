// The kinds in use: the built-in ones merged with what settings and workspace templates say.

import { BUILT_IN_KINDS } from './registry';
import type { CoreConfig, KindDefinition } from '../types';
import { hasOwn } from '../util/objects';
import { humanise } from '../util/strings';

/** The date a kind added in settings knows when it names none. */
const DEFAULT_DATE_FIELD = { field: 'due', label: 'Due', deadline: true };

/** User overrides of a kind, as they come from settings: every field optional. */
export interface KindOverride {
  label?: string;
  statuses?: string[];
  finishedStatuses?: string[];
  sideStatuses?: string[];
  /** Statuses in which the advocate does the work; the rest in flight wait on others. */
  activeStatuses?: string[];
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
      : (base?.dateFields ?? [DEFAULT_DATE_FIELD]);
    kinds[id] = {
      id,
      label: typeof override.label === 'string' && override.label ? override.label : (base?.label ?? humanise(id)),
      statuses,
      finishedStatuses: finished,
      sideStatuses: (cleanList(override.sideStatuses) ?? base?.sideStatuses ?? []).filter((s) => statuses.includes(s)),
      ...activeOf(cleanList(override.activeStatuses) ?? base?.activeStatuses, statuses),
      dateFields,
    };
  }
  return { kinds, problems };
}

function activeOf(active: readonly string[] | undefined, statuses: readonly string[]): { activeStatuses?: string[] } {
  return active ? { activeStatuses: active.filter((s) => statuses.includes(s)) } : {};
}

function cleanList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim());
  return [...new Set(items)];
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
  return JSON.stringify([config.kinds, config.folderKinds, config.wordsPerMinute, config.abstractMaxChars, config.maxFileBytes, config.sites ?? [], config.abstractBudgets ?? {}]);
}

/** A workflow for kinds that only a workspace template defines and that declares none. */
export const DEFAULT_WORKFLOW: readonly string[] = ['idea', 'drafting', 'review', 'done'];

export interface WorkspaceTemplateKind {
  kind: string;
  name: string;
  label?: string;
  statuses?: string[];
}

/**
 * The kinds workspace templates contribute, for merging into the kind settings (which win):
 * a kind that isn't built in gets a label (the template's `label`, else its name) and a workflow
 * (its `statuses`, else the default one); a built-in kind only gets the workflow it declares.
 * The first template of a kind decides. Kind ids the settings would refuse are left out.
 */
export function kindOverridesFromTemplates(templates: readonly WorkspaceTemplateKind[], builtinKinds: readonly string[]): Record<string, { label?: string; statuses?: string[] }> {
  const result: Record<string, { label?: string; statuses?: string[] }> = {};
  for (const template of templates) {
    if (hasOwn(result, template.kind) || !/^[a-z0-9][a-z0-9-]*$/.test(template.kind)) continue;
    if (builtinKinds.includes(template.kind)) {
      if (template.statuses) result[template.kind] = { statuses: [...template.statuses] };
      continue;
    }
    result[template.kind] = { label: template.label ?? template.name, statuses: [...(template.statuses ?? DEFAULT_WORKFLOW)] };
  }
  return result;
}
