import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { readManifest } from './manifest';
import { Commands } from '../../src/constants';
import { BUILT_IN_KIND_LIST, BUILT_IN_KINDS, builtInKind, DEFAULT_KIND_ICON, isSitePostKind, kindIconId, kindNamedByFolder, SITE_POST_KIND } from '../../src/core/kinds/registry';
import { activeStatuses } from '../../src/core/kinds/workflow';
import { GENERATORS } from '../../src/core/sites/generators';
import { RENAMED_SETTINGS } from '../../src/core/config';
import { siteProfile, type SiteSummary } from '../../src/core/sites/profile';
import { templatePromptVariables, VARIABLE_PROMPTS } from '../../src/core/templates/variables';

interface Contributed {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}

interface PackageJson {
  activationEvents?: string[];
  contributes: {
    commands: Contributed[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    snippets: { language: string; path: string }[];
  };
}

const root = join(__dirname, '..', '..');
const manifest = readManifest<PackageJson>();

function snippetsFile(): Record<string, { prefix: string | string[]; body: string | string[] }> {
  const contribution = manifest.contributes.snippets.find((s) => s.language === 'markdown');
  assert.ok(contribution, 'package.json contributes no Markdown snippets');
  return JSON.parse(readFileSync(join(root, contribution.path), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
}

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'no front matter');
  const doc = parseDocument(match[1].replace(/\{\{[^\n]*?\}\}/g, (braced) => '_'.repeat(braced.length)));
  assert.deepEqual(doc.errors, []);
  return doc.toJS() as Record<string, unknown>;
}

describe('kinds registry', () => {
  it('gives every kind a unique id and a unique New command', () => {
    const ids = BUILT_IN_KIND_LIST.map((k) => k.id);
    assert.equal(new Set(ids).size, ids.length);
    const commands = BUILT_IN_KIND_LIST.map((k) => k.command.id);
    assert.equal(new Set(commands).size, commands.length);
    for (const id of commands) assert.ok(!(Object.values(Commands) as string[]).includes(id), `${id} is also in Commands`);
  });

  it('keeps every workflow list inside the kind’s statuses', () => {
    for (const kind of BUILT_IN_KIND_LIST) {
      assert.ok(kind.statuses.length > 0, kind.id);
      assert.ok(kind.finishedStatuses.length > 0, kind.id);
      for (const status of [...kind.finishedStatuses, ...(kind.sideStatuses ?? []), ...kind.activeStatuses]) {
        assert.ok(kind.statuses.includes(status), `${kind.id}: ${status}`);
      }
      for (const status of kind.activeStatuses) assert.ok(!kind.finishedStatuses.includes(status), `${kind.id}: ${status} is active and finished`);
    }
  });

  it('lists the statuses in which the advocate does the work', () => {
    const active = Object.fromEntries(Object.values(BUILT_IN_KINDS).map((kind) => [kind.id, activeStatuses(kind)]));
    assert.deepEqual(active, {
      blog: ['drafting', 'review'],
      talk: ['drafting', 'rehearsing'],
      oss: ['in-progress'],
      workshop: ['drafting'],
      'trip-report': ['drafting'],
      hackathon: ['planning', 'running'],
    });
  });

  it('starts each template at the first status of its kind, with its kind', () => {
    for (const kind of BUILT_IN_KIND_LIST) {
      const data = frontMatterOf(kind.template.text);
      assert.equal(data.kind, kind.id);
      assert.equal(data.status, kind.statuses[0], kind.id);
      assert.ok(kind.template.name.trim() !== '' && kind.template.description.trim() !== '', kind.id);
    }
  });

  it('asks only for variables its template uses and that have a prompt', () => {
    for (const kind of BUILT_IN_KIND_LIST) {
      const used = templatePromptVariables(kind.template);
      for (const name of kind.prompts) {
        assert.ok(VARIABLE_PROMPTS[name], `${kind.id}: no prompt for ${name}`);
        assert.ok(used.includes(name), `${kind.id}: the template does not use ${name}`);
      }
    }
  });

  it('places the posts kind where each generator publishes and the others in private folders', () => {
    const siteOf = (generator: SiteSummary['generator']): SiteSummary => {
      const rules = GENERATORS.find((g) => g.id === generator)!;
      return { root: '', generator, newPostFolder: rules.postFolders[0], postFolders: [...rules.postFolders] };
    };
    for (const site of [undefined, ...GENERATORS.map((g) => siteOf(g.id))]) {
      const profile = siteProfile(site);
      for (const kind of BUILT_IN_KIND_LIST) {
        const folder = profile.folders[kind.id];
        assert.ok(folder, `${site?.generator ?? 'none'}: ${kind.id}`);
        if (kind.folder.type === 'private') assert.ok(folder.endsWith(kind.folder.name), `${site?.generator}: ${kind.id} in ${folder}`);
        else assert.equal(folder, site?.newPostFolder ?? 'posts', `${site?.generator}: ${folder} is where posts go`);
      }
    }
    assert.equal(siteProfile(siteOf('jekyll')).folders.talk, '_talks', 'Jekyll renders folders without an underscore');
    assert.equal(siteProfile(siteOf('hugo')).folders.blog, 'content/posts');
  });

  it('has one kind for the site’s posts, and folder names that point to one kind each', () => {
    assert.deepEqual(
      BUILT_IN_KIND_LIST.filter((k) => k.folder.type === 'posts').map((k) => k.id),
      [SITE_POST_KIND],
    );
    const names = BUILT_IN_KIND_LIST.flatMap((k) => k.folderNames);
    assert.equal(new Set(names).size, names.length, 'no folder name is claimed twice');
    for (const kind of BUILT_IN_KIND_LIST) {
      if (kind.folder.type === 'private') assert.ok(kind.folderNames.includes(kind.folder.name), `${kind.id}: its own folder is named for it`);
      for (const name of kind.folderNames) assert.equal(kindNamedByFolder(name.toUpperCase()), kind.id);
    }
    assert.equal(kindNamedByFolder('notes'), undefined);
  });

  it('answers lookups by id, never from the prototype', () => {
    assert.equal(builtInKind('talk')?.label, 'Talk');
    assert.equal(builtInKind('constructor'), undefined);
    assert.equal(BUILT_IN_KINDS.constructor, undefined);
    assert.equal(kindIconId('oss'), 'git-pull-request');
    assert.equal(kindIconId('newsletter'), DEFAULT_KIND_ICON);
    assert.equal(isSitePostKind('blog'), true);
    assert.equal(isSitePostKind('talk'), false);
    assert.equal(isSitePostKind('toString'), false);
  });
});

describe('package.json against the kinds registry', () => {
  it('contributes each kind’s New command with its title and icon, in the DevRel category', () => {
    for (const kind of BUILT_IN_KIND_LIST) {
      const contributed = manifest.contributes.commands.find((c) => c.command === kind.command.id);
      assert.ok(contributed, `package.json does not contribute ${kind.command.id}`);
      assert.equal(contributed.title, kind.command.title);
      assert.equal(contributed.category, 'DevRel');
      assert.equal(contributed.icon, `$(${kind.icon})`);
    }
  });

  it('contributes exactly the commands the extension registers', () => {
    const registered = [...Object.values(Commands), ...BUILT_IN_KIND_LIST.map((k) => k.command.id)].sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
  });

  it('offers each kind’s New command where there are no drafts yet, and hides none from the palette', () => {
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'devrel.drafts' && w.when === '!devrel.scanning');
    assert.ok(welcome, 'no welcome content for the Drafts view');
    const buttons = welcome.contents.split('\n').filter((line) => /^\[[^\]]+\]\(command:[^)]+\)$/.test(line));
    assert.deepEqual(buttons, ['[New Draft…](command:devrel.newDraft)'], 'one button; the rest are links');
    assert.match(welcome.contents, /Ctrl\+Space/);
    for (const kind of BUILT_IN_KIND_LIST) {
      // One New Draft… button, then an inline link per kind (a line that is only a link becomes a full-width button).
      assert.match(welcome.contents, new RegExp(`\\[[^\\]\\n]+\\]\\(command:${kind.command.id.replace('.', '\\.')}\\)`), `welcome lacks ${kind.command.id}`);
      const hidden = manifest.contributes.menus.commandPalette?.find((m) => m.command === kind.command.id && m.when === 'false');
      assert.equal(hidden, undefined, `${kind.command.id} is hidden from the palette`);
    }
  });

  it('names only contributed commands in menus and activation events', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu} names ${item.command}`);
    }
    for (const event of manifest.activationEvents ?? []) {
      const command = /^onCommand:(.*)$/.exec(event)?.[1];
      if (command !== undefined) assert.ok(contributed.has(command), `activation on ${command}`);
    }
  });

  it('has a front-matter snippet for each kind offering its workflow', () => {
    const snippets = Object.values(snippetsFile());
    for (const kind of BUILT_IN_KIND_LIST) {
      const snippet = snippets.find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(`devrel-${kind.id}`));
      assert.ok(snippet, `no snippet devrel-${kind.id}`);
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      assert.match(body, new RegExp(`^kind: ${kind.id}$`, 'm'));
      const choice = /^status: \$\{\d+\|([^|]*)\|\}$/m.exec(body);
      assert.ok(choice, `devrel-${kind.id} offers no status choice`);
      assert.deepEqual(choice[1].split(','), kind.statuses);
    }
  });
});

describe('package.json settings', () => {
  const manifest = readManifest<{
    contributes: {
      configuration: {
        title: string;
        properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; minimum?: number; markdownDescription?: string; markdownDeprecationMessage?: string }>;
      }[];
    };
  }>();
  const groups = manifest.contributes.configuration;

  it('groups settings under titles, basics first and advanced last', () => {
    assert.deepEqual(
      groups.map((g) => g.title),
      ['DevRel Desk: Basics', 'DevRel Desk: Focus', 'DevRel Desk: Templates and Kinds', 'DevRel Desk: Advanced'],
    );
    assert.ok(groups[0].properties['devrel.siteGenerator'] && groups[3].properties['devrel.exclude']);
  });

  it('describes every enum value, and lets the Settings UI turn a focus limit off with 0', () => {
    for (const group of groups) {
      for (const [key, setting] of Object.entries(group.properties)) {
        if (setting.enum) assert.equal(setting.enumDescriptions?.length, setting.enum.length, key);
      }
    }
    for (const key of ['devrel.focus.maxDraftsInHand', 'devrel.focus.maxDeadlinesInTwoWeeks']) {
      const setting = groups[1].properties[key];
      assert.equal(setting.minimum, 0, key);
      assert.match(setting.markdownDescription ?? '', /`0` turns/, key);
    }
  });
  it('names keys so the Settings editor titles them as words, and keeps renamed keys as deprecated', () => {
    const all = groups.flatMap((g) => Object.entries(g.properties));
    for (const [key, setting] of all) {
      if (setting.markdownDeprecationMessage) continue;
      // The Settings editor splits camelCase words only: a digit or an all-caps run glues words together.
      for (const part of key.split('.')) assert.match(part, /^[a-z]+(?:[A-Z][a-z]+)*$/, key);
    }
    for (const { from, to } of RENAMED_SETTINGS) {
      const old = all.find(([key]) => key === `devrel.${from}`)?.[1];
      assert.ok(old?.markdownDeprecationMessage?.includes(`#devrel.${to}#`), `devrel.${from} points to devrel.${to}`);
      assert.ok(
        all.some(([key]) => key === `devrel.${to}`),
        `devrel.${to} is declared`,
      );
    }
  });
});
