import assert from 'node:assert/strict';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { configKey, DEFAULT_CONFIG, resolveKinds, type KindOverride } from '../../src/core/kinds/resolve';
import { activeStatuses, isActive, isFinished, isWaiting, nextStatus } from '../../src/core/kinds/workflow';
import type { KindDefinition } from '../../src/core/types';
import { parseDraft } from '../../src/core/draft';

const kinds = BUILT_IN_KINDS;

function walk(kind: KindDefinition): string[] {
  const path = [kind.statuses[0]];
  for (let next = nextStatus(kind, path[0]); next !== undefined; next = nextStatus(kind, next)) path.push(next);
  return path;
}

describe('kinds', () => {
  describe('built-in kinds', () => {
    it('has exactly the six kinds', () => {
      assert.deepEqual(Object.keys(kinds).sort(), ['blog', 'hackathon', 'oss', 'talk', 'trip-report', 'workshop']);
      for (const [id, kind] of Object.entries(kinds)) assert.equal(kind.id, id);
    });

    it('defines each workflow in order', () => {
      assert.deepEqual(kinds.blog.statuses, ['idea', 'drafting', 'review', 'scheduled', 'published']);
      assert.deepEqual(kinds.talk.statuses, ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered']);
      assert.deepEqual(kinds.oss.statuses, ['todo', 'in-progress', 'pr-open', 'merged', 'closed']);
      assert.deepEqual(kinds.workshop.statuses, ['idea', 'drafting', 'ready', 'delivered']);
      assert.deepEqual(kinds['trip-report'].statuses, ['drafting', 'shared']);
    });

    it('defines finished and side statuses', () => {
      assert.deepEqual(kinds.blog.finishedStatuses, ['published']);
      assert.deepEqual([...kinds.talk.finishedStatuses].sort(), ['delivered', 'rejected']);
      assert.deepEqual(kinds.talk.sideStatuses, ['rejected']);
      assert.deepEqual([...kinds.oss.finishedStatuses].sort(), ['closed', 'merged']);
      assert.deepEqual(kinds.workshop.finishedStatuses, ['delivered']);
      assert.deepEqual(kinds['trip-report'].finishedStatuses, ['shared']);
      for (const kind of Object.values(kinds)) {
        for (const status of [...kind.finishedStatuses, ...(kind.sideStatuses ?? [])]) assert.ok(kind.statuses.includes(status), `${kind.id}: ${status}`);
      }
    });

    it('defines each kind’s dates, labels and deadlines', () => {
      const dates = (id: string): [string, string[] | undefined, string, boolean][] => kinds[id].dateFields.map((d) => [d.field, d.alternatives, d.label, d.deadline]);
      assert.deepEqual(dates('blog'), [
        ['publish_date', ['date'], 'Publish', true],
        ['due', undefined, 'Due', true],
      ]);
      assert.deepEqual(dates('talk'), [
        ['cfp_deadline', undefined, 'CFP closes', true],
        ['event_date', undefined, 'Event', true],
        ['due', undefined, 'Due', true],
      ]);
      assert.deepEqual(dates('oss'), [['due', undefined, 'Due', true]]);
      assert.deepEqual(dates('workshop'), [
        ['event_date', undefined, 'Event', true],
        ['due', undefined, 'Due', true],
      ]);
      assert.deepEqual(dates('trip-report'), [
        ['event_date', undefined, 'Event', false],
        ['due', undefined, 'Due', true],
      ]);
    });

    it('is frozen, and the default config uses it', () => {
      assert.ok(Object.isFrozen(BUILT_IN_KINDS));
      assert.equal(DEFAULT_CONFIG.kinds, BUILT_IN_KINDS);
      assert.equal(DEFAULT_CONFIG.abstractMaxChars, 900);
      assert.equal(DEFAULT_CONFIG.maxFileBytes, 2 * 1024 * 1024);
      assert.deepEqual(DEFAULT_CONFIG.folderKinds, []);
    });
  });

  describe('nextStatus', () => {
    it('advances a blog post one step at a time', () => {
      assert.deepEqual(walk(kinds.blog), ['idea', 'drafting', 'review', 'scheduled', 'published']);
      assert.equal(nextStatus(kinds.blog, 'published'), undefined);
    });

    it('skips side statuses: an accepted talk goes to rehearsing, never to rejected', () => {
      assert.equal(nextStatus(kinds.talk, 'submitted'), 'accepted');
      assert.equal(nextStatus(kinds.talk, 'accepted'), 'rehearsing');
      assert.deepEqual(walk(kinds.talk), ['idea', 'drafting', 'submitted', 'accepted', 'rehearsing', 'delivered']);
      assert.equal(nextStatus(kinds.talk, 'delivered'), undefined);
    });

    it('walks every built-in workflow to its end', () => {
      assert.deepEqual(walk(kinds.oss), ['todo', 'in-progress', 'pr-open', 'merged', 'closed']);
      assert.deepEqual(walk(kinds.workshop), ['idea', 'drafting', 'ready', 'delivered']);
      assert.deepEqual(walk(kinds['trip-report']), ['drafting', 'shared']);
    });

    it('sends an unknown status to the first one', () => {
      assert.equal(nextStatus(kinds.talk, 'bogus'), 'idea');
      assert.equal(nextStatus(kinds.oss, ''), 'todo');
    });

    it('gives nothing when only side statuses remain', () => {
      const kind: KindDefinition = { id: 'k', label: 'K', statuses: ['a', 'b', 'x'], finishedStatuses: ['b', 'x'], sideStatuses: ['x'], dateFields: [] };
      assert.equal(nextStatus(kind, 'b'), undefined);
    });
  });

  describe('activeStatuses', () => {
    it('gives the declared ones, kept to the workflow when settings change it', () => {
      assert.deepEqual(activeStatuses(kinds.talk), ['drafting', 'rehearsing']);
      const { kinds: resolved } = resolveKinds({ talk: { statuses: ['idea', 'drafting', 'submitted', 'delivered'] } });
      assert.deepEqual(activeStatuses(resolved.talk), ['drafting']);
    });

    it('defaults to the steps between the first and the finished ones, without side statuses', () => {
      const { kinds: resolved } = resolveKinds({
        newsletter: { statuses: ['idea', 'writing', 'editing', 'dropped', 'sent'], finishedStatuses: ['dropped', 'sent'], sideStatuses: ['dropped'] },
      });
      assert.equal(resolved.newsletter.activeStatuses, undefined);
      assert.deepEqual(activeStatuses(resolved.newsletter), ['writing', 'editing']);
    });
  });

  describe('isActive and isFinished', () => {
    it('counts only the statuses a kind names as work in hand as active, and the rest in flight as waiting', () => {
      assert.equal(isActive(kinds.blog, 'idea'), false);
      assert.equal(isActive(kinds.blog, 'drafting'), true);
      assert.equal(isActive(kinds.blog, 'review'), true);
      assert.equal(isActive(kinds.blog, 'scheduled'), false);
      assert.equal(isWaiting(kinds.blog, 'scheduled'), true);
      assert.equal(isActive(kinds.blog, 'published'), false);
      assert.equal(isActive(kinds.talk, 'rehearsing'), true);
      for (const status of ['submitted', 'accepted']) {
        assert.equal(isActive(kinds.talk, status), false, status);
        assert.equal(isWaiting(kinds.talk, status), true, status);
      }
      assert.equal(isActive(kinds.talk, 'rejected'), false);
      assert.equal(isWaiting(kinds.talk, 'rejected'), false, 'a finished status waits on nobody');
      assert.equal(isActive(kinds.talk, 'delivered'), false);
      assert.equal(isActive(kinds.oss, 'todo'), false);
      assert.equal(isWaiting(kinds.oss, 'todo'), false, 'the first status is not in flight');
      assert.equal(isActive(kinds.oss, 'in-progress'), true);
      assert.equal(isActive(kinds.oss, 'pr-open'), false);
      assert.equal(isWaiting(kinds.oss, 'pr-open'), true);
      assert.equal(isActive(kinds.oss, 'closed'), false);
      assert.equal(isActive(kinds.workshop, 'ready'), false);
      assert.equal(isActive(kinds['trip-report'], 'drafting'), true, 'a first status the kind names as a writing step is work in hand');
    });

    it('is neither for unknown statuses or kinds', () => {
      assert.equal(isActive(kinds.blog, 'bogus'), false);
      assert.equal(isFinished(kinds.blog, 'bogus'), false);
      assert.equal(isActive(undefined, 'drafting'), false);
      assert.equal(isWaiting(kinds.blog, 'bogus'), false);
      assert.equal(isWaiting(undefined, 'submitted'), false);
      assert.equal(isFinished(undefined, 'published'), false);
    });

    it('knows finished statuses', () => {
      assert.equal(isFinished(kinds.blog, 'published'), true);
      assert.equal(isFinished(kinds.blog, 'scheduled'), false);
      assert.equal(isFinished(kinds.talk, 'rejected'), true);
      assert.equal(isFinished(kinds.talk, 'delivered'), true);
      assert.equal(isFinished(kinds.talk, 'rehearsing'), false);
      assert.equal(isFinished(kinds.oss, 'merged'), true);
      assert.equal(isFinished(kinds.oss, 'closed'), true);
      assert.equal(isFinished(kinds['trip-report'], 'shared'), true);
    });
  });

  describe('resolveKinds', () => {
    it('returns copies of the built-ins when nothing is set', () => {
      for (const overrides of [undefined, {}]) {
        const resolved = resolveKinds(overrides);
        assert.deepEqual(resolved.problems, []);
        assert.deepEqual({ ...resolved.kinds }, structuredClone({ ...BUILT_IN_KINDS }));
        assert.equal(Object.getPrototypeOf(resolved.kinds), null, 'no prototype, so file-given names find nothing else');
        assert.notEqual(resolved.kinds.blog, BUILT_IN_KINDS.blog);
        resolved.kinds.blog.statuses.push('mutated');
        assert.ok(!BUILT_IN_KINDS.blog.statuses.includes('mutated'), 'changing the result leaves the built-ins alone');
      }
    });

    it('overrides a built-in’s label and keeps the rest', () => {
      const { kinds: resolved, problems } = resolveKinds({ blog: { label: 'Article' } });
      assert.deepEqual(problems, []);
      assert.equal(resolved.blog.label, 'Article');
      assert.deepEqual(resolved.blog.statuses, BUILT_IN_KINDS.blog.statuses);
      assert.deepEqual(resolved.blog.dateFields, BUILT_IN_KINDS.blog.dateFields);
    });

    it('overrides a built-in’s workflow, keeping finished statuses that still exist', () => {
      const { kinds: resolved, problems } = resolveKinds({ blog: { statuses: ['idea', 'writing', 'editing', 'published'] } });
      assert.deepEqual(problems, []);
      assert.deepEqual(resolved.blog.statuses, ['idea', 'writing', 'editing', 'published']);
      assert.deepEqual(resolved.blog.finishedStatuses, ['published']);
      assert.equal(nextStatus(resolved.blog, 'writing'), 'editing');
    });

    it('falls back to the last status as finished when the old finished ones are gone', () => {
      const { kinds: resolved } = resolveKinds({ blog: { statuses: ['todo', 'doing', 'done'] } });
      assert.deepEqual(resolved.blog.finishedStatuses, ['done']);
      const talk = resolveKinds({ talk: { statuses: ['idea', 'submitted', 'given'] } }).kinds.talk;
      assert.deepEqual(talk.finishedStatuses, ['given']);
      assert.deepEqual(talk.sideStatuses, [], 'side statuses not in the workflow are dropped');
    });

    it('adds a new kind with defaults', () => {
      const { kinds: resolved, problems } = resolveKinds({ podcast: { statuses: ['idea', 'recorded', 'edited', 'aired'] } });
      assert.deepEqual(problems, []);
      assert.deepEqual(resolved.podcast, {
        id: 'podcast',
        label: 'Podcast',
        statuses: ['idea', 'recorded', 'edited', 'aired'],
        finishedStatuses: ['aired'],
        sideStatuses: [],
        dateFields: [{ field: 'due', label: 'Due', deadline: true }],
      });
      assert.ok(resolved.blog, 'built-ins stay');
    });

    it('reads a new kind’s dates, labels and side statuses', () => {
      const override: KindOverride = {
        label: 'Live stream',
        statuses: [' idea ', 'scheduled', 'cancelled', 'streamed', 'idea', ''],
        finishedStatuses: ['streamed', 'cancelled'],
        sideStatuses: ['cancelled'],
        dateFields: [{ field: 'stream_date', label: 'Goes live', alternatives: ['date'] }, { field: 'promo_by', deadline: false }, { field: '' }],
      };
      const { kinds: resolved, problems } = resolveKinds({ 'live-stream': override });
      assert.deepEqual(problems, []);
      const kind = resolved['live-stream'];
      assert.equal(kind.label, 'Live stream');
      assert.deepEqual(kind.statuses, ['idea', 'scheduled', 'cancelled', 'streamed'], 'trimmed, deduplicated, blanks dropped');
      assert.deepEqual(kind.finishedStatuses, ['streamed', 'cancelled']);
      assert.deepEqual(kind.sideStatuses, ['cancelled']);
      assert.deepEqual(kind.dateFields, [
        { field: 'stream_date', label: 'Goes live', alternatives: ['date'], deadline: true },
        { field: 'promo_by', label: 'Promo by', alternatives: undefined, deadline: false },
      ]);
      assert.equal(nextStatus(kind, 'scheduled'), 'streamed');
      assert.equal(isActive(kind, 'cancelled'), false);
    });

    it('humanises ids into labels', () => {
      const { kinds: resolved } = resolveKinds({ 'conference-trip': { statuses: ['a'] }, 'meetup-2': { statuses: ['a'] } });
      assert.equal(resolved['conference-trip'].label, 'Conference trip');
      assert.equal(resolved['meetup-2'].label, 'Meetup 2');
    });

    it('reports invalid ids and leaves them out', () => {
      const { kinds: resolved, problems } = resolveKinds({
        'Bad Id': { statuses: ['a'] },
        '-lead': { statuses: ['a'] },
        'ok-one': { statuses: ['a'] },
      });
      assert.deepEqual(
        problems.map((p) => p.kind),
        ['Bad Id', '-lead'],
      );
      assert.match(problems[0].message, /not a valid id/);
      assert.equal(resolved['Bad Id'], undefined);
      assert.ok(resolved['ok-one']);
    });

    it('reports a new kind without statuses, and a non-object, without throwing', () => {
      const overrides = {
        empty: { statuses: [] },
        missing: { label: 'No workflow' },
        blanks: { statuses: ['', '  '] },
        notalist: { statuses: 'idea, done' },
        scalar: 42,
        nothing: null,
      } as unknown as Record<string, KindOverride>;
      const { kinds: resolved, problems } = resolveKinds(overrides);
      assert.deepEqual(
        problems.map((p) => p.kind),
        ['empty', 'missing', 'blanks', 'notalist', 'scalar', 'nothing'],
      );
      assert.match(problems[0].message, /needs a non-empty "statuses" list/);
      assert.match(problems[4].message, /must be an object/);
      for (const id of ['empty', 'missing', 'blanks', 'notalist', 'scalar', 'nothing']) assert.equal(resolved[id], undefined, id);
      assert.equal(Object.keys(resolved).length, 6);
    });

    it('an empty statuses list on a built-in is reported and leaves the built-in as it was', () => {
      const { kinds: resolved, problems } = resolveKinds({ talk: { statuses: [], label: 'Session' } });
      assert.equal(problems.length, 1);
      assert.equal(problems[0].kind, 'talk');
      assert.deepEqual(resolved.talk, structuredClone(BUILT_IN_KINDS.talk));
    });

    it('reports finished statuses that are not in the workflow and keeps the valid ones', () => {
      const { kinds: resolved, problems } = resolveKinds({ blog: { finishedStatuses: ['published', 'archived'] } });
      assert.deepEqual(problems, [{ kind: 'blog', message: 'Kind "blog": finished statuses archived are not in its workflow.' }]);
      assert.deepEqual(resolved.blog.finishedStatuses, ['published']);
    });

    it('falls back to the last status when every finished status is a typo', () => {
      const { kinds: resolved, problems } = resolveKinds({ podcast: { statuses: ['idea', 'aired'], finishedStatuses: ['aried'] } });
      assert.equal(problems.length, 1);
      assert.deepEqual(resolved.podcast.finishedStatuses, ['aired']);
      assert.equal(isFinished(resolved.podcast, 'aired'), true);
    });
  });

  describe('configKey', () => {
    it('is stable for equal configs and changes with anything that affects reading', () => {
      const base = { ...DEFAULT_CONFIG, folderKinds: [{ folder: 'content/posts', kind: 'blog' }] };
      assert.equal(configKey(base), configKey({ ...base, folderKinds: [{ folder: 'content/posts', kind: 'blog' }] }));
      const variants = [
        { ...base, folderKinds: [] },
        { ...base, abstractMaxChars: 500 },
        { ...base, wordsPerMinute: 200 },
        { ...base, maxFileBytes: 1024 },
        { ...base, kinds: resolveKinds({ blog: { label: 'Article' } }).kinds },
      ];
      const keys = new Set([configKey(base), ...variants.map(configKey)]);
      assert.equal(keys.size, variants.length + 1);
    });
  });
});

describe('kind names from files', () => {
  it('never resolve to Object.prototype members', () => {
    for (const config of [DEFAULT_CONFIG, { ...DEFAULT_CONFIG, kinds: resolveKinds({}).kinds }]) {
      for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const result = parseDraft({ uri: 'file:///w/x.md', relativePath: 'x.md' }, `---\nkind: ${name}\nstatus: idea\n---\n`, config, { analyze: true });
        assert.ok('draft' in result, name);
        assert.ok(
          result.draft.problems.some((p) => p.code === 'unknown-kind'),
          name,
        );
      }
    }
  });
});
