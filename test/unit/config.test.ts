import * as assert from 'node:assert/strict';
import { checkSettings, DEFAULT_EXCLUDES, normaliseFolder, planSettingMoves, RENAMED_SETTINGS, renamedValue, toCoreConfig, type SettingLevels } from '../../src/core/config';
import { DEFAULT_MAX_ACTIVE, DEFAULT_MAX_DEADLINES_PER_14_DAYS } from '../../src/core/focus';
import { DEFAULT_CONFIG } from '../../src/core/kinds/resolve';

function settingsOf(values: Record<string, unknown>): ReturnType<typeof checkSettings> {
  return checkSettings((key) => values[key]);
}

describe('checkSettings', () => {
  it('gives every default when nothing is set', () => {
    assert.deepEqual(settingsOf({}), {
      kinds: {},
      folderKinds: {},
      folders: {},
      fileNamePatterns: {},
      wordsPerMinute: DEFAULT_CONFIG.wordsPerMinute,
      abstractMaxChars: DEFAULT_CONFIG.abstractMaxChars,
      exclude: DEFAULT_EXCLUDES,
      siteGenerator: 'auto',
      author: '',
      groupBy: 'kind',
      hideFinished: false,
      focusMaxActive: DEFAULT_MAX_ACTIVE,
      focusMaxDeadlines: DEFAULT_MAX_DEADLINES_PER_14_DAYS,
      impactMetrics: {},
      filesExclude: [],
      abstractBudgets: {},
      talkTimingLens: true,
      proseChecks: { imageAlt: true, summary: true, headingLevels: true, placeholderLinks: true, cfpAbstractLength: true },
    });
  });

  it('switches the timing lens and each prose check off only for false', () => {
    const settings = settingsOf({ 'codeLens.talkTiming': false, 'checks.imageAlt': false, 'checks.headingLevels': 'no' });
    assert.equal(settings.talkTimingLens, false);
    assert.deepEqual(settings.proseChecks, { imageAlt: false, summary: true, headingLevels: true, placeholderLinks: true, cfpAbstractLength: true });
  });

  it('keeps abstract budgets that are positive numbers, and passes them to the core', () => {
    const settings = settingsOf({ 'talk.abstractBudgets': { short: 280, long: -1, pitch: 'long', keynote: 2000 } });
    assert.deepEqual(settings.abstractBudgets, { short: 280, keynote: 2000 });
    assert.deepEqual(toCoreConfig(settings).config.abstractBudgets, { short: 280, keynote: 2000 });
  });

  it('keeps values that are usable', () => {
    const settings = settingsOf({
      kinds: { newsletter: { statuses: ['idea', 'sent'] } },
      folderKinds: { 'content/posts': 'blog' },
      folders: { talk: ' talks ' },
      wordsPerMinute: 200,
      'talk.abstractMaxChars': 600,
      exclude: ['**/vendor/**'],
      siteGenerator: 'hugo',
      author: 'Ada',
      'drafts.groupBy': 'status',
      'drafts.hideFinished': true,
      'focus.maxDraftsInHand': 5.7,
      'focus.maxDeadlinesInTwoWeeks': null,
      'impact.metrics': { views: false },
    });
    assert.deepEqual(settings.kinds, { newsletter: { statuses: ['idea', 'sent'] } });
    assert.deepEqual(settings.folders, { talk: 'talks' }, 'trimmed');
    assert.equal(settings.wordsPerMinute, 200);
    assert.equal(settings.abstractMaxChars, 600);
    assert.deepEqual(settings.exclude, ['**/vendor/**']);
    assert.equal(settings.siteGenerator, 'hugo');
    assert.equal(settings.author, 'Ada');
    assert.equal(settings.groupBy, 'status');
    assert.equal(settings.hideFinished, true);
    assert.equal(settings.focusMaxActive, 5, 'rounded down');
    assert.equal(settings.focusMaxDeadlines, null, 'null turns the warning off');
    assert.deepEqual(settings.impactMetrics, { views: false });
  });

  it('falls back to the default for anything it cannot use, and never throws', () => {
    const settings = settingsOf({
      kinds: ['blog'],
      folderKinds: 'content/posts',
      folders: { talk: 42, oss: '  ', workshop: 'workshops' },
      wordsPerMinute: -1,
      'talk.abstractMaxChars': Number.NaN,
      exclude: 'node_modules',
      siteGenerator: 'wordpress',
      author: 7,
      'drafts.groupBy': 'tag',
      'drafts.hideFinished': 'yes',
      'focus.maxDraftsInHand': -2,
      'focus.maxDeadlinesInTwoWeeks': '4',
      'impact.metrics': null,
    });
    assert.deepEqual(settings.kinds, {});
    assert.deepEqual(settings.folderKinds, {});
    assert.deepEqual(settings.folders, { workshop: 'workshops' });
    assert.equal(settings.wordsPerMinute, DEFAULT_CONFIG.wordsPerMinute);
    assert.equal(settings.abstractMaxChars, DEFAULT_CONFIG.abstractMaxChars);
    assert.deepEqual(settings.exclude, DEFAULT_EXCLUDES);
    assert.equal(settings.siteGenerator, 'auto');
    assert.equal(settings.author, '');
    assert.equal(settings.groupBy, 'kind');
    assert.equal(settings.hideFinished, false);
    assert.equal(settings.focusMaxActive, DEFAULT_MAX_ACTIVE);
    assert.equal(settings.focusMaxDeadlines, DEFAULT_MAX_DEADLINES_PER_14_DAYS);
    assert.deepEqual(settings.impactMetrics, {});
  });

  it('turns a focus limit off with 0, as the Settings UI writes it, and still with null', () => {
    assert.equal(settingsOf({ 'focus.maxDraftsInHand': 0 }).focusMaxActive, null);
    assert.equal(settingsOf({ 'focus.maxDeadlinesInTwoWeeks': 0 }).focusMaxDeadlines, null);
    assert.equal(settingsOf({ 'focus.maxDraftsInHand': null }).focusMaxActive, null);
    assert.equal(settingsOf({ 'focus.maxDraftsInHand': 1 }).focusMaxActive, 1);
  });

  it('drops excludes that are not globs', () => {
    assert.deepEqual(settingsOf({ exclude: ['**/a/**', '', 3, null] }).exclude, ['**/a/**']);
  });
});

describe('toCoreConfig', () => {
  it('carries the reading settings into the core config', () => {
    const { config, problems } = toCoreConfig(settingsOf({ wordsPerMinute: 200, 'talk.abstractMaxChars': 500 }));
    assert.deepEqual(problems, []);
    assert.equal(config.wordsPerMinute, 200);
    assert.equal(config.abstractMaxChars, 500);
    assert.equal(config.maxFileBytes, DEFAULT_CONFIG.maxFileBytes);
    assert.deepEqual(Object.keys(config.kinds), Object.keys(DEFAULT_CONFIG.kinds));
  });

  it('lets a folder setting win over the site generator’s mapping of the same folder', () => {
    const settings = settingsOf({ folderKinds: { './content/posts/': 'talk', 'notes\\cfp': 'talk' } });
    const { config } = toCoreConfig(settings, [
      { folder: 'content/posts', kind: 'blog' },
      { folder: 'content/blog', kind: 'blog' },
    ]);
    assert.deepEqual(config.folderKinds, [
      { folder: 'content/blog', kind: 'blog' },
      { folder: 'content/posts', kind: 'talk' },
      { folder: 'notes/cfp', kind: 'talk' },
    ]);
  });

  it('adds kinds from workspace templates, and lets a kind setting replace a template’s kind', () => {
    const settings = settingsOf({ kinds: { newsletter: { label: 'Letter', statuses: ['draft', 'sent'] } } });
    const { config, problems } = toCoreConfig(settings, [], { newsletter: { label: 'Newsletter', statuses: ['idea', 'sent'] }, podcast: { statuses: ['idea', 'live'] } });
    assert.deepEqual(problems, []);
    assert.equal(config.kinds.newsletter?.label, 'Letter');
    assert.deepEqual(config.kinds.newsletter?.statuses, ['draft', 'sent']);
    assert.deepEqual(config.kinds.podcast?.statuses, ['idea', 'live']);
    assert.equal(config.kinds.podcast?.label, 'Podcast');
  });

  it('reports a folder mapped to a kind nobody defines', () => {
    const { problems } = toCoreConfig(settingsOf({ folderKinds: { newsletters: 'newsletter' } }));
    assert.deepEqual(problems, [{ kind: 'newsletter', message: 'devrel.folderKinds maps "newsletters" to unknown kind "newsletter".' }]);
  });
});

describe('normaliseFolder', () => {
  it('writes folders with forward slashes and no leading ./ or trailing slash', () => {
    assert.equal(normaliseFolder('./content/posts/'), 'content/posts');
    assert.equal(normaliseFolder('content\\posts'), 'content/posts');
    assert.equal(normaliseFolder('/talks'), 'talks');
  });
});

describe('renamed settings', () => {
  it('renames the focus limits so the Settings editor titles read as words', () => {
    assert.deepEqual(RENAMED_SETTINGS, [
      { from: 'focus.maxActive', to: 'focus.maxDraftsInHand' },
      { from: 'focus.maxDeadlinesPer14Days', to: 'focus.maxDeadlinesInTwoWeeks' },
    ]);
  });

  it('reads the old key where the new one is not written, the most specific level first', () => {
    assert.equal(renamedValue({}, {}), undefined);
    assert.equal(renamedValue({}, { user: 5 }), 5, 'old key in user settings still counts');
    assert.equal(renamedValue({ user: 2 }, { user: 5 }), 2, 'at one level the new key wins');
    assert.equal(renamedValue({ user: 2 }, { workspace: 0 }), 0, 'an old key in the workspace beats a new one in user settings');
    assert.equal(renamedValue({ workspace: 6 }, { user: 5, folder: null }), null, 'null written in a folder is a value');
  });

  it('moves old keys where they are written, and keeps both where the new key is written too', () => {
    const written: Record<string, SettingLevels> = {
      'focus.maxActive': { user: 5, workspace: 2 },
      'focus.maxDraftsInHand': { workspace: 4 },
      'focus.maxDeadlinesPer14Days': { folder: 0 },
    };
    const moves = planSettingMoves((key) => written[key] ?? {});
    assert.deepEqual(
      moves.map((m) => [m.rename.from, m.level, m.value, m.action]),
      [
        ['focus.maxActive', 'user', 5, 'move'],
        ['focus.maxActive', 'workspace', 2, 'keep'],
        ['focus.maxDeadlinesPer14Days', 'folder', 0, 'move'],
      ],
    );
    assert.deepEqual(
      planSettingMoves(() => ({})),
      [],
      'nothing to do once moved',
    );
  });

  it('reads the old key through checkSettings when the adapter resolves it', () => {
    const old: Record<string, SettingLevels> = { 'focus.maxActive': { user: 7 } };
    const settings = checkSettings((key) => {
      const rename = RENAMED_SETTINGS.find((r) => r.to === key);
      return rename ? renamedValue({}, old[rename.from] ?? {}) : undefined;
    });
    assert.equal(settings.focusMaxActive, 7);
    assert.equal(settings.focusMaxDeadlines, DEFAULT_MAX_DEADLINES_PER_14_DAYS);
  });
});
