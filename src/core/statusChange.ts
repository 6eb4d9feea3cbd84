import { isSitePostKind } from './kinds/registry';
import { isFinished } from './kinds/workflow';
import type { SiteGenerator } from './sites/generators';
import { publishedFields } from './sites/profile';
import type { Draft, KindDefinition } from './types';
import { type Result } from './util/result';

export type FieldValue = string | number | boolean;

/** A field set to undefined is removed. */
export type StatusChangePlan = Result<{ fields: Record<string, FieldValue | undefined>; notes: string[] }>;

/**
 * The front-matter fields to write when a draft moves to `status`. A blog post also gets the
 * site generator's own field, so that "published" in DevRel Desk is published on the site,
 * and a post published without any date gets today's.
 */
export function planStatusChange(draft: Draft, kind: KindDefinition | undefined, status: string, generator: SiteGenerator, today: string): StatusChangePlan {
  if (!kind) {
    return { ok: false, message: `"${draft.kind}" is not a known kind, so its statuses are unknown. Fix the kind first.` };
  }
  if (!kind.statuses.includes(status)) {
    return { ok: false, message: `"${status}" is not a status of a ${kind.label.toLowerCase()}. Use one of: ${kind.statuses.join(', ')}.` };
  }
  const fields: Record<string, FieldValue | undefined> = { status };
  const notes: string[] = [];
  if (isSitePostKind(kind.id)) {
    const change = publishedFields(generator, isFinished(kind, status) ? 'published' : 'unpublished', today, draft.fields);
    Object.assign(fields, change.set);
    for (const field of change.remove) fields[field] = undefined;
    for (const missing of change.setIfMissing) {
      const hasDate = missing.unlessPresent.some((field) => draft.dates.some((d) => d.field === field) || (draft.fields[field] !== undefined && draft.fields[field] !== ''));
      if (!hasDate) {
        // Prefer the field the kind reads first when there is no site generator to follow.
        const field = generator === 'none' ? (kind.dateFields[0]?.field ?? missing.field) : missing.field;
        fields[field] = missing.value;
        notes.push(`Set ${field} to ${missing.value}.`);
      }
    }
    if (Object.keys(change.set).length > 0) notes.push(change.description);
  }
  return { ok: true, fields, notes };
}
