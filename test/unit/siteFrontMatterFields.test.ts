import assert from 'node:assert/strict';
import { setTomlTableFields } from '../../src/core/frontMatter/tomlEdit';
import { appendSiteFrontMatterListItem, setSiteFrontMatterFields } from '../../src/core/sites/frontMatterFields';

const zolaPost = ['+++', 'title = "Shipping"', '# reviewed by Ana', 'draft = true', '', '[taxonomies]', 'tags = ["wasm"]', '+++', '', 'Body stays.', ''].join('\n');

describe('setTomlTableFields', () => {
  it('adds a missing table at the end of the front matter, after a blank line', () => {
    const result = setTomlTableFields(zolaPost, 'extra', { status: 'review' });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.text, zolaPost.replace('tags = ["wasm"]\n', 'tags = ["wasm"]\n\n[extra]\nstatus = "review"\n'));
  });

  it('changes only the value in an existing table, and adds new keys after its last key', () => {
    const text = ['+++', 'title = "A"', '', '[extra]', "status = 'idea' # first step", 'kind = "blog"', '', '[extra.social]', 'card = true', '+++', 'Body', ''].join('\n');
    const result = setTomlTableFields(text, 'extra', { status: 'drafting', due: '2026-03-01' });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.text, text.replace('status = \'idea\' # first step\nkind = "blog"\n', 'status = \'drafting\' # first step\nkind = "blog"\ndue = 2026-03-01\n'));
    assert.equal(result.text.slice(result.edit.offset, result.edit.offset + result.edit.newText.length), result.edit.newText);
  });

  it('removes a key, keeps CRLF, and refuses a table written inline', () => {
    const crlf = ['+++', 'title = "A"', '[extra]', 'status = "idea"', 'kind = "blog"', '+++', ''].join('\r\n');
    const removed = setTomlTableFields(crlf, 'extra', { status: undefined, due: '2026-01-02' });
    assert.ok(removed.ok);
    assert.equal(removed.text, ['+++', 'title = "A"', '[extra]', 'kind = "blog"', 'due = 2026-01-02', '+++', ''].join('\r\n'));
    const inline = setTomlTableFields(['+++', 'extra = { status = "idea" }', '+++', ''].join('\n'), 'extra', { status: 'review' });
    assert.equal(inline.ok, false);
  });
});

describe('setSiteFrontMatterFields', () => {
  it('puts Zola’s own fields at the top and DevRel Desk’s in [extra], in one edit, body untouched', () => {
    const result = setSiteFrontMatterFields(zolaPost, { status: 'published', draft: false }, 'zola');
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.text, zolaPost.replace('draft = true\n', 'draft = false\n').replace('tags = ["wasm"]\n', 'tags = ["wasm"]\n\n[extra]\nstatus = "published"\n'));
    const { offset, length, newText } = result.edit;
    assert.equal(zolaPost.slice(0, offset) + newText + zolaPost.slice(offset + length), result.text);
    assert.ok(result.text.endsWith('+++\n\nBody stays.\n'));
  });

  it('leaves other generators’ fields where they are, TOML or YAML', () => {
    const hugo = ['+++', 'title = "A"', 'draft = true', '+++', ''].join('\n');
    const result = setSiteFrontMatterFields(hugo, { status: 'published', draft: false }, 'hugo');
    assert.ok(result.ok);
    assert.equal(result.text, ['+++', 'title = "A"', 'draft = false', 'status = "published"', '+++', ''].join('\n'));
    const yaml = setSiteFrontMatterFields('---\ntitle: A\n---\n', { status: 'idea' }, 'jekyll');
    assert.ok(yaml.ok);
    assert.equal(yaml.text, '---\ntitle: A\nstatus: idea\n---\n');
  });

  it('refuses to put DevRel Desk’s fields at the top of a YAML Zola post, saying what to do', () => {
    const result = setSiteFrontMatterFields('---\ntitle: A\n---\n', { status: 'idea' }, 'zola');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /Zola only builds posts whose own fields sit in \[extra\].*Set status by hand under extra/);
    assert.ok(setSiteFrontMatterFields('---\ntitle: A\n---\n', { draft: true }, 'zola').ok, 'draft is Zola’s own field');
  });

  it('refuses a top-level impact list on Zola, and appends it elsewhere', () => {
    const entry = { date: '2026-03-01', metric: 'views', value: 10 };
    const zola = appendSiteFrontMatterListItem(zolaPost, 'impact', entry, 'zola');
    assert.equal(zola.ok, false);
    assert.match(zola.ok ? '' : zola.message, /\[\[extra\.impact\]\]/);
    assert.ok(appendSiteFrontMatterListItem(['+++', 'title = "A"', '+++', ''].join('\n'), 'impact', entry, 'hugo').ok);
  });
});
