import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, deleteWorkspaceFile, getApi, note, waitFor, writeWorkspaceFile } from './helpers';

function localDate(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const TALK_STATUSES = ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'];
const BLOG_STATUSES = ['idea', 'drafting', 'review', 'scheduled', 'published'];

const YAML_DRAFT = [
  '---',
  'kind: talk',
  'title: Writing aids in the editor',
  'status: submitted',
  `cfp_deadline: ${localDate(13)}`,
  'duration: 30',
  'tags: [observability, ]',
  'impact:',
  `  - date: ${localDate(-2)}`,
  '    metric: attendees',
  '    value: 120',
  `  - date: ${localDate(-1)}`,
  '    metric: attendees',
  '    value: 30',
  '',
  '---',
  '',
  '## Intro (5 min)',
  '',
  '## Demo (20 min)',
  '',
  'status: not front matter',
  '',
].join('\n');

// CRLF, as a Hugo site on Windows writes it.
const TOML_DRAFT = [
  '+++',
  'title = "Writing aids in TOML"',
  'status = ""',
  `date = ${localDate(3)}`,
  '',
  '[[impact]]',
  `date = ${localDate(-1)}`,
  'metric = ""',
  'value = 10',
  '+++',
  '',
  'Body text.',
  '',
].join('\r\n');

type Items = vscode.CompletionItem[];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Our items at a position: the list sorted as the editor sorts equal matches, by sortText. */
async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<Items> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The position just after `needle` (plus `shift`) in the document. */
function positionAfter(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} is in the draft`);
  return document.positionAt(index + needle.length + shift);
}

describe('Writing aids in front matter', function () {
  this.timeout(60_000);
  const yamlPath = 'talks/writing-aids-yaml.md';
  // The demo workspace is a Hugo site: its posts folder makes this a blog post without a kind field.
  const tomlPath = 'content/posts/writing-aids-toml.md';

  before(async () => {
    await (await getApi()).listDrafts();
  });

  after(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(yamlPath);
    await deleteWorkspaceFile(tomlPath);
  });

  it('completes statuses, dates, metrics and tags in a YAML talk, and nothing in its body', async () => {
    const uri = await writeWorkspaceFile(yamlPath, YAML_DRAFT.replace('status: submitted', 'status: '));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    const statuses = await completionsAt(uri, positionAfter(document, 'status: '), ' ');
    assert.deepEqual(statuses.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map(labelOf), TALK_STATUSES, 'the talk workflow, in order');

    const dates = await completionsAt(uri, positionAfter(document, 'cfp_deadline: '));
    const today = dates.find((item) => labelOf(item) === localDate());
    assert.ok(today, `today is offered as ${localDate()}; got ${dates.map(labelOf).join(', ')}`);
    assert.equal(today.insertText, localDate());
    assert.ok(
      dates.some((item) => labelOf(item) === localDate(7)),
      '+1w is offered',
    );

    const metricValues = await completionsAt(uri, positionAfter(document, '    metric: '));
    assert.equal(labelOf(metricValues[0]), 'attendees', 'a talk’s metrics first');
    const views = metricValues.find((item) => labelOf(item) === 'views');
    assert.equal(views?.detail, 'page views', 'with its unit');

    const tags = await completionsAt(uri, positionAfter(document, 'tags: [observability, '));
    const tagLabels = tags.map(labelOf);
    assert.ok(tagLabels.length > 0, 'tags used in the demo workspace are offered');
    assert.ok(!tagLabels.includes('observability'), 'a tag already listed is left out');

    const keys = await completionsAt(uri, new vscode.Position(14, 0));
    const keyLabels = keys.map(labelOf);
    assert.ok(keyLabels.includes('event') && keyLabels.includes('submissions'), keyLabels.join(', '));
    assert.ok(!keyLabels.includes('status') && !keyLabels.includes('cfp_deadline'), 'keys already written are left out');

    // The editor's word-based suggestions (kind Text) may offer the statuses written above as plain
    // words; ours are enum members, and none may come in the body.
    const body = await completionsAt(uri, positionAfter(document, 'status: not'));
    const ours = body.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember && TALK_STATUSES.includes(labelOf(item)));
    assert.deepEqual(ours.map(labelOf), [], 'the body gets no front-matter items');
    note(`${statuses.length} status items, ${dates.length} date items, ${metricValues.length} metrics, ${tags.length} tags, ${keys.length} keys`);
  });

  it('completes in a CRLF TOML post whose kind comes from its folder', async () => {
    const uri = await writeWorkspaceFile(tomlPath, TOML_DRAFT);
    await waitFor(async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri.toString() && d.kind === 'blog'), 20_000, 'the TOML post to be listed');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    const statuses = await completionsAt(uri, positionAfter(document, 'status = "'), '"');
    assert.deepEqual(statuses.map(labelOf), BLOG_STATUSES);
    const edit = new vscode.WorkspaceEdit();
    const review = statuses.find((item) => labelOf(item) === 'review');
    assert.ok(review?.range instanceof vscode.Range, 'a plain range');
    edit.replace(uri, review.range, String(review.insertText));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.getText().includes('status = "review"\r\n'), 'the value goes inside the quotes, and CRLF stays');

    const metrics = await completionsAt(uri, positionAfter(document, 'metric = "'));
    assert.equal(labelOf(metrics[0]), 'views', 'a post’s metrics first, in an [[impact]] table');

    const hover = await hoverTextAt(uri, positionAfter(document, 'status = "re'));
    assert.match(hover, /\*\*review\*\* ← here/);
    await document.save();
  });

  it('explains dates, the status, the slot and impact totals in hovers', async () => {
    const uri = await writeWorkspaceFile(yamlPath, YAML_DRAFT);
    // The planned minutes come from the index's count of the timed sections.
    await waitFor(
      async () => (await (await getApi()).listDrafts()).find((d) => d.uri === uri.toString() && d.status === 'submitted' && d.talkMinutes?.planned === 25),
      20_000,
      'the talk to be counted',
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    if (document.getText() !== YAML_DRAFT) await waitFor(() => document.getText() === YAML_DRAFT, 10_000, 'the editor to show the file as written');

    const status = await hoverTextAt(uri, positionAfter(document, 'status: sub'));
    assert.match(status, /Talk workflow/);
    assert.match(status, /3\. \*\*submitted\*\* ← here/);
    assert.match(status, /5\. rejected \(an outcome, not a step\)/);

    const deadline = await hoverTextAt(uri, positionAfter(document, 'cfp_dead'));
    assert.match(deadline, /\*\*CFP closes\*\*: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}( \d{4})?, in 13 days/);

    const duration = await hoverTextAt(uri, positionAfter(document, 'durat'));
    assert.match(duration, /\*\*Slot\*\*: 30 min/);
    assert.match(duration, /\*\*Planned\*\*: 25 min in 2 timed sections, 5 min to spare/);

    const metric = await hoverTextAt(uri, positionAfter(document, '    metric: atten'));
    assert.match(metric, /\*\*Attendees\*\*: 150 people in the room in this draft, from 2 entries\./);

    const body = await hoverTextAt(uri, positionAfter(document, 'status: not'));
    assert.doesNotMatch(body, /workflow/, 'no hover from DevRel Desk in the body');
  });
});
