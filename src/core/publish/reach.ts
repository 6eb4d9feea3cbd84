// Reach per platform, from the impact entries a sync marked with their `source`.

import type { Draft } from '../types';
import { PLATFORM_INFO, isPlatform, type Platform } from './types';

export interface PlatformReach {
  platform: Platform;
  label: string;
  /** Metric → total over every cross-posted draft, e.g. `{ views: 1204, reactions: 31 }`. */
  totals: Record<string, number>;
  drafts: number;
}

/** Totals per platform, in the platforms' fixed order; platforms without synced entries are left out. */
export function reachByPlatform(drafts: readonly Draft[]): PlatformReach[] {
  const byPlatform = new Map<Platform, { totals: Map<string, number>; drafts: Set<string> }>();
  for (const draft of drafts) {
    for (const entry of draft.impact ?? []) {
      if (!isPlatform(entry.source)) continue;
      let reach = byPlatform.get(entry.source);
      if (!reach) byPlatform.set(entry.source, (reach = { totals: new Map(), drafts: new Set() }));
      reach.totals.set(entry.metric, (reach.totals.get(entry.metric) ?? 0) + entry.value);
      reach.drafts.add(draft.uri);
    }
  }
  return (Object.keys(PLATFORM_INFO) as Platform[])
    .filter((platform) => byPlatform.has(platform))
    .map((platform) => {
      const reach = byPlatform.get(platform) as { totals: Map<string, number>; drafts: Set<string> };
      const totals: Record<string, number> = {};
      for (const [metric, value] of reach.totals) Object.defineProperty(totals, metric, { value, enumerable: true, writable: true, configurable: true });
      return { platform, label: PLATFORM_INFO[platform].label, totals, drafts: reach.drafts.size };
    });
}

export interface CrossPost {
  platform: Platform;
  label: string;
  id: string;
  /** Only http(s) addresses, so a tooltip never links anywhere else. */
  url?: string;
  /** The figures last synced for this draft on the platform. */
  reach: Record<string, number>;
}

/** Where a draft is cross-posted, from its `devto_id` / `hashnode_id` fields and its synced impact. */
export function crossPostsOf(draft: Pick<Draft, 'fields' | 'impact'>): CrossPost[] {
  const posts: CrossPost[] = [];
  for (const platform of Object.keys(PLATFORM_INFO) as Platform[]) {
    const info = PLATFORM_INFO[platform];
    const id = draft.fields[info.idField];
    if (id === undefined || id === '' || typeof id === 'boolean') continue;
    const rawUrl = draft.fields[info.urlField];
    const url = typeof rawUrl === 'string' && /^https?:\/\/[^\s]+$/i.test(rawUrl) ? rawUrl : undefined;
    const reach: Record<string, number> = {};
    for (const entry of draft.impact ?? []) {
      if (entry.source === platform)
        Object.defineProperty(reach, entry.metric, { value: (reach[entry.metric] ?? 0) + entry.value, enumerable: true, writable: true, configurable: true });
    }
    posts.push({ platform, label: info.label, id: String(id), url, reach });
  }
  return posts;
}
