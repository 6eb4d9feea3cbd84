import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBypasses, findBypassesIn, sourceFiles } from './l10nSinks';
import { readNls, readRawManifest, ROOT } from './manifest';

const placeholder = /^%([\w.-]+)%$/;

/**
 * The package.json fields the editor shows to people, as paths from the manifest root; `*` is any
 * array index or object key. Identifiers, when clauses, icons and the language model tools' model-facing
 * texts (modelDescription, inputSchema) are not in the list.
 */
const USER_FACING_FIELDS = [
  'displayName',
  'description',
  'capabilities.untrustedWorkspaces.description',
  'contributes.commands.*.title',
  'contributes.commands.*.shortTitle',
  'contributes.commands.*.category',
  'contributes.configuration.*.title',
  'contributes.configuration.*.properties.*.description',
  'contributes.configuration.*.properties.*.markdownDescription',
  'contributes.configuration.*.properties.*.enumDescriptions.*',
  'contributes.configuration.*.properties.*.markdownEnumDescriptions.*',
  'contributes.configuration.*.properties.*.enumItemLabels.*',
  'contributes.configuration.*.properties.*.deprecationMessage',
  'contributes.configuration.*.properties.*.markdownDeprecationMessage',
  'contributes.viewsContainers.*.*.title',
  'contributes.views.*.*.name',
  'contributes.views.*.*.contextualTitle',
  'contributes.viewsWelcome.*.contents',
  'contributes.walkthroughs.*.title',
  'contributes.walkthroughs.*.description',
  'contributes.walkthroughs.*.steps.*.title',
  'contributes.walkthroughs.*.steps.*.description',
  'contributes.walkthroughs.*.steps.*.media.altText',
  'contributes.submenus.*.label',
  'contributes.languageModelTools.*.displayName',
  'contributes.languageModelTools.*.userDescription',
];

/** Every string in the manifest, with its dotted path. */
function strings(value: unknown, path: string[] = []): { path: string[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

function matches(pattern: string, path: string[]): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
}

/** The TypeScript that runs in the extension host: the core is checked separately, the webview has no vscode API. */
function extensionSources(): string[] {
  return sourceFiles(ROOT, 'src', (rel) => rel.startsWith('src/core/') || rel.startsWith('src/webview/') || rel.startsWith('src/cli/'));
}

describe('localisation: package.json', () => {
  const manifest = readRawManifest();
  const nls = readNls();
  const all = strings(manifest);

  it('finds every %key% placeholder in package.nls.json', () => {
    const missing = all.flatMap(({ path, value }) => {
      const key = placeholder.exec(value)?.[1];
      return key !== undefined && !(key in nls) ? [`${path.join('.')}: %${key}%`] : [];
    });
    assert.deepEqual(missing, []);
  });

  it('uses every key of package.nls.json', () => {
    const used = new Set(all.flatMap(({ value }) => placeholder.exec(value)?.[1] ?? []));
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });

  it('has only placeholders, no bare text, in the fields people see', () => {
    const bare = all
      .filter(({ path, value }) => USER_FACING_FIELDS.some((pattern) => matches(pattern, path)) && !placeholder.test(value))
      .map(({ path, value }) => `${path.join('.')}: ${value}`);
    assert.deepEqual(bare, []);
  });

  it('checks a real set of fields: the list above matches fields package.json has', () => {
    const unused = USER_FACING_FIELDS.filter((pattern) => !all.some(({ path }) => matches(pattern, path)));
    // Some fields are listed ahead of use; most must match, or the check above checks nothing.
    assert.ok(unused.length < USER_FACING_FIELDS.length / 2, `patterns that match nothing: ${unused.join(', ')}`);
  });

  it('points the editor at the runtime bundle, which is exported and packaged', () => {
    const { l10n } = manifest as { l10n?: string };
    assert.equal(l10n, './l10n');
    assert.ok(existsSync(join(ROOT, 'l10n', 'bundle.l10n.json')), 'run npm run l10n to export l10n/bundle.l10n.json');
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!package.nls.json'), '.vscodeignore leaves out package.nls.json');
    assert.ok(ignore.includes('!l10n/**'), '.vscodeignore leaves out l10n/');
  });
});

describe('localisation: runtime strings', () => {
  it('passes no literal text straight to an API that shows it', () => {
    const found = findBypassesIn(ROOT, extensionSources());
    assert.deepEqual(
      found.map((b) => `${b.file}:${b.line} ${b.sink}: ${b.text}`),
      [],
      'wrap these in vscode.l10n.t (or mark a line that is not shown with l10n-ignore and a reason)',
    );
  });

  it('has every l10n.t message in the exported English bundle', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const messages = new Set<string>();
    const call = /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
    for (const file of sourceFiles(ROOT, 'src', (rel) => rel.startsWith('src/webview/'))) {
      for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(call)) messages.add(JSON.parse(`"${match[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
    }
    assert.ok(messages.size > 100, `found only ${messages.size} messages`);
    const missing = [...messages].filter((m) => !(m in bundle));
    assert.deepEqual(missing, [], 'run npm run l10n');
  });

  describe('the check itself', () => {
    const cases: [string, string][] = [
      ['message', "vscode.window.showInformationMessage('Saved the draft.');"],
      ['template message', 'void vscode.window.showWarningMessage(`Could not read ${file}.`);'],
      ['button', "await vscode.window.showErrorMessage(vscode.l10n.t('Failed.'), 'Show Log');"],
      ['quick pick option', "await vscode.window.showQuickPick(items, { placeHolder: 'Pick a draft' });"],
      ['input box prompt', "await vscode.window.showInputBox({ prompt: 'Name the event' });"],
      ['createQuickPick title', "const pick = vscode.window.createQuickPick(); pick.title = 'Set Up Workspace';"],
      ['tree item', "const item = new vscode.TreeItem('All time');"],
      ['status bar text', "const bar = vscode.window.createStatusBarItem('x'); bar.text = '$(book) not counted';"],
      ['progress title', "await vscode.window.withProgress({ location: 1, title: 'Indexing drafts' }, run);"],
      ['diagnostic', "new vscode.Diagnostic(range, 'Missing title', 0);"],
      ['CodeLens', "new vscode.CodeLens(range, { title: 'Start Rehearsal', command: 'x' });"],
      ['validation', "await vscode.window.showInputBox({ validateInput: (v) => (v ? undefined : 'Enter a title.') });"],
      ['fragment argument', "vscode.window.showInformationMessage(vscode.l10n.t('{0} {1} found', n, n === 1 ? 'site' : 'sites'));"],
    ];
    for (const [name, code] of cases) {
      it(`catches a literal ${name}`, () => {
        assert.ok(findBypasses('planted.ts', code).length > 0, code);
      });
    }

    it('lets localised text, markup without words and marked lines through', () => {
      const code = [
        "vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', name));",
        'const item = new vscode.TreeItem(draft.title);',
        "md.appendMarkdown('\\n\\n---\\n\\n');",
        "vscode.window.showInformationMessage('DevRel Desk'); // l10n-ignore: the product name",
      ].join('\n');
      assert.deepEqual(findBypasses('fine.ts', code), []);
    });
  });
});
