import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { draftPreviewPlugin } from '../../src/core/draftPreview';
import { DEFAULT_CONFIG } from '../../src/core/kinds/resolve';
import type { CoreConfig } from '../../src/core/types';

/** Set up as the editor's Markdown preview is: front matter becomes a token of its own. */
function editorMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: true, linkify: true }).use(frontMatter, () => undefined);
}

function withPlugin(config: CoreConfig = DEFAULT_CONFIG, sourceOf?: (env: unknown) => { uri: string; relativePath: string } | undefined): MarkdownIt {
  return draftPreviewPlugin(editorMarkdown(), { config: () => config, sourceOf });
}

const TALK = `---
kind: talk
title: Tail sampling
status: rehearsing
event_date: 2027-03-23
duration: 30
---

# Tail sampling

## Intro (5 min)

- [x] Open with the pager story
- [ ] Show the graph

## Demo (20 min)

Live.

## Q&A (10 min)
`;

describe('draft preview plugin', () => {
  it('renders plain Markdown byte for byte as without it', () => {
    const documents = [
      '',
      '# Title\n\nSome *text* with a [link](https://example.com).\n',
      '## Intro (5 min)\n\n- [ ] a task\n- [x] done\n',
      '---\ntitle: Not a draft\nlayout: post\n---\n\n# Hello\n\n- [ ] task\n',
      '---\nkind: [broken\n---\n\ntext\n',
      '+++\ntitle = "Hugo page"\n+++\n\nBody\n',
      '```md\n---\nkind: blog\n---\n```\n',
    ];
    for (const text of documents) {
      assert.equal(withPlugin().render(text, {}), editorMarkdown().render(text, {}), JSON.stringify(text));
    }
  });

  it('opens a draft with a header of kind, status, dates and reading time', () => {
    const html = withPlugin().render('---\nkind: blog\ntitle: Post\nstatus: review\npublish_date: 2026-12-08\n---\n\nA few words <here>.\n', {});
    const header = /<div class="devrel-draft-header">.*?<\/div>\n/.exec(html)?.[0] ?? '';
    assert.ok(html.startsWith(header) && header !== '', html);
    assert.match(header, /<span class="devrel-kind">Blog post<\/span>/);
    assert.match(header, /<span class="devrel-status" title="Step 3 of 5 in the workflow">review <span class="devrel-step">3\/5<\/span><\/span>/);
    assert.match(header, /<span class="devrel-label">Publish<\/span> 2026-12-08/);
    assert.match(header, /<span class="devrel-label">Reading<\/span> 1 min/);
    // The rest of the page is what markdown-it makes of it (the blank line it puts after hidden front matter now follows the header).
    assert.equal(html.slice(header.length), editorMarkdown().render('---\nkind: blog\n---\n\nA few words <here>.\n', {}).replace(/^\n/, ''));
  });

  it('puts a budget badge on each timed talk section and ticked/total on each checklist', () => {
    const html = withPlugin().render(TALK, {});
    assert.match(html, /<span class="devrel-label">Planned<\/span> 35\/30 min/);
    assert.match(html, /<h2>Intro \(5 min\) <span class="devrel-budget" title="00:00 → 05:00">5 min · 5\/30<\/span><\/h2>/);
    assert.match(html, /<h2>Demo \(20 min\) <span class="devrel-budget" title="05:00 → 25:00">20 min · 25\/30<\/span><\/h2>/);
    assert.match(html, /<h2>Q&amp;A \(10 min\) <span class="devrel-budget devrel-over" title="25:00 → 35:00, past the 30 min slot">10 min · 35\/30<\/span><\/h2>/);
    assert.match(html, /<p class="devrel-checklist" title="1 of 2 ticked"><span class="devrel-checklist-count">1\/2<\/span> ticked<\/p>\n<ul>/);
    assert.match(html, /<span class="devrel-label">Checklist<\/span> 1\/2 ticked/);
    // The title heading is not a section.
    assert.match(html, /<h1>Tail sampling<\/h1>/);
  });

  it('knows a draft by its folder when the renderer says which file it is', () => {
    const config: CoreConfig = { ...DEFAULT_CONFIG, folderKinds: [{ folder: 'posts', kind: 'blog' }] };
    const text = '# A post without front matter\n\n- [x] one\n';
    const html = withPlugin(config, (env) => ((env as { path?: string }).path ? { uri: 'file:///w/posts/a.md', relativePath: 'posts/a.md' } : undefined)).render(text, {
      path: 'x',
    });
    assert.match(html, /<span class="devrel-kind">Blog post<\/span>/);
    assert.match(html, /devrel-checklist/);
    assert.equal(withPlugin(config, () => undefined).render(text, {}), editorMarkdown().render(text, {}));
  });

  it('escapes what the front matter says', () => {
    const html = withPlugin().render('---\nkind: blog\nstatus: "<img src=x onerror=alert(1)>"\n---\n\nx\n', {});
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
