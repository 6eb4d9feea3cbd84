import assert from 'node:assert/strict';
import { setSettingsValues } from '../../src/core/settingsFile';

describe('setSettingsValues', () => {
  it('keeps comments, order and layout, changing only the values written', () => {
    const text = [
      '{',
      '  // Spell-check the posts too',
      '  "cSpell.enabled": true,',
      '  "devrel.folderKinds": { "old": "blog" }, // was wrong',
      '  "editor.wordWrap": "on",',
      '}',
      '',
    ].join('\n');
    const result = setSettingsValues(text, { 'devrel.folderKinds': { 'docs/_posts': 'blog' }, 'devrel.folders': { blog: 'docs/_posts' } });
    assert.ok(result.ok && result.changed);
    assert.match(result.text, /\/\/ Spell-check the posts too\n {2}"cSpell\.enabled": true,/);
    assert.match(result.text, /\/\/ was wrong/);
    assert.match(result.text, /"editor\.wordWrap": "on"/);
    assert.ok(result.text.indexOf('cSpell') < result.text.indexOf('devrel.folderKinds'), 'order kept');
    assert.match(result.text, /"docs\/_posts": "blog"/);
    assert.doesNotMatch(result.text, /"old"/);
    assert.match(result.text, /"devrel\.folders": \{\n {4}"blog": "docs\/_posts"\n {2}\}/);
  });

  it('creates the object in an empty file, follows tabs, and removes with undefined', () => {
    const empty = setSettingsValues('', { 'devrel.folders': { talk: 'talks' } });
    assert.ok(empty.ok);
    assert.deepEqual(JSON.parse(empty.text), { 'devrel.folders': { talk: 'talks' } });
    const tabs = setSettingsValues('{\n\t"a": 1\n}\n', { 'devrel.siteGenerator': 'hugo' });
    assert.ok(tabs.ok);
    assert.match(tabs.text, /\n\t"devrel\.siteGenerator": "hugo"/);
    const removed = setSettingsValues('{\n  "a": 1,\n  "devrel.folders": {}\n}\n', { 'devrel.folders': undefined });
    assert.ok(removed.ok);
    assert.deepEqual(JSON.parse(removed.text), { a: 1 });
    const same = setSettingsValues('{ "devrel.folders": { "blog": "posts" } }', { 'devrel.folders': { blog: 'posts' } });
    assert.ok(same.ok);
    assert.equal(same.changed, false);
  });

  it('keeps CRLF line breaks', () => {
    const result = setSettingsValues('{\r\n  "a": 1\r\n}\r\n', { 'devrel.folders': { blog: 'posts' } });
    assert.ok(result.ok);
    assert.doesNotMatch(result.text.replace(/\r\n/g, ''), /\n/);
  });

  it('refuses a file it cannot read as an object, and says where', () => {
    const broken = setSettingsValues('{\n  "a": 1\n  "b": 2\n}\n', { 'devrel.folders': {} });
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : broken.message, /not valid JSON \(line 3: comma expected\)/);
    const array = setSettingsValues('[1, 2]', { 'devrel.folders': {} });
    assert.equal(array.ok, false);
    assert.match(array.ok ? '' : array.message, /not hold a JSON object/);
  });
});
