import * as assert from 'node:assert/strict';
import { load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { setFrontMatterFields } from '../../src/core/frontMatter/edit';
import { isPlainSafe, yamlScalar } from '../../src/core/frontMatter/yamlScalar';

const values = [
  'Blog post',
  "It's here",
  'a: b',
  'yes',
  'Off',
  '#tag',
  '-flag',
  'say "hi"',
  '',
  ' lead',
  '0123',
  '0b101',
  '2026-03-07',
  'true',
  'null',
  '{{title}}',
  'two\nlines',
  'tab\there',
];

describe('yamlScalar', () => {
  it('writes every value so that yaml and js-yaml read it back as the same string', () => {
    for (const value of values) {
      const written = yamlScalar(value);
      assert.ok(!written.includes('\n'), `${JSON.stringify(value)} stays on one line: ${written}`);
      assert.equal(parseDocument(`k: ${written}`).toJS().k, value, `yaml reads ${written}`);
      // js-yaml reads a plain date as a Date; the editor and the templates write dates plain on purpose.
      if (value !== '2026-03-07') assert.equal((load(`k: ${written}`) as { k: unknown }).k, value, `js-yaml reads ${written}`);
    }
  });

  it('leaves plain what needs no quotes, as the front-matter editor does', () => {
    assert.equal(yamlScalar('Blog post'), 'Blog post');
    assert.equal(yamlScalar('2026-03-07'), '2026-03-07');
    for (const value of values) {
      const edited = setFrontMatterFields('---\nk: x\n---\n', { k: value });
      assert.ok(edited.ok);
      if (!value.includes('\n')) assert.equal(edited.text, `---\nk: ${yamlScalar(value)}\n---\n`, JSON.stringify(value));
    }
  });
});

describe('isPlainSafe', () => {
  it('lets a string stand plain only where yamlScalar writes it plain too', () => {
    // Stricter than yamlScalar (`-flag` is quoted), since a template value may sit beside tab stops.
    const plain = values.filter((value) => isPlainSafe(value, false));
    assert.deepEqual(plain, ['Blog post', "It's here", 'say "hi"', '2026-03-07']);
    for (const value of plain) assert.equal(yamlScalar(value), value);
    assert.equal(isPlainSafe('yes', false), false, 'a YAML 1.1 boolean');
    assert.equal(isPlainSafe('0b101', false), false, 'a number to js-yaml');
  });

  it('keeps canonical numbers plain so they stay numbers', () => {
    assert.equal(isPlainSafe('30', false), true);
    assert.equal(isPlainSafe('007', false), false);
  });
});
