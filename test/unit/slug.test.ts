import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FALLBACK_SLUG, isWindowsReservedName, slugify } from '../../src/core/slug';

describe('slugify', () => {
  it('transliterates accents and other Latin letters', () => {
    assert.equal(slugify('Ünïcödé'), 'unicode');
    assert.equal(slugify('Straße café Æsir Łódź'), 'strasse-cafe-aesir-lodz');
    assert.equal(slugify('Привет мир'), 'privet-mir');
    assert.equal(slugify('ﬁnal Ｆｕｌｌ'), 'final-full');
  });

  it('lowercases and joins words with single hyphens', () => {
    assert.equal(slugify('  Hello,   World!  '), 'hello-world');
    assert.equal(slugify("What's new in TypeScript 5.9"), 'whats-new-in-typescript-5-9');
    assert.equal(slugify('Q&A with the team'), 'q-and-a-with-the-team');
    assert.equal(slugify('snake_case and--dashes'), 'snake-case-and-dashes');
  });

  it('drops path separators and parent-folder steps', () => {
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('CI/CD on Windows\\Linux'), 'ci-cd-on-windows-linux');
    assert.equal(slugify('..'), FALLBACK_SLUG);
    for (const title of ['a/../b', '..\\..\\x', '/abs/path', 'x/./y']) {
      const slug = slugify(title);
      assert.ok(!slug.includes('/') && !slug.includes('\\') && !slug.includes('..'), `${title} → ${slug}`);
    }
  });

  it('never produces a Windows reserved name', () => {
    assert.equal(slugify('CON'), 'con-1');
    assert.equal(slugify('nul'), 'nul-1');
    assert.equal(slugify('Aux'), 'aux-1');
    assert.equal(slugify('PRN!'), 'prn-1');
    assert.equal(slugify('COM1'), 'com1-1');
    assert.equal(slugify('lpt9'), 'lpt9-1');
    // Only the exact device names are reserved.
    assert.equal(slugify('Console'), 'console');
    assert.equal(slugify('COM10'), 'com10');
    assert.equal(slugify('con.md'), 'con-md');
  });

  it('recognises reserved names with extensions, in any case', () => {
    for (const name of ['CON', 'con.md', 'Nul.tar.gz', 'aux.', 'COM1.md', 'lpt3.txt', 'PRN ']) {
      assert.equal(isWindowsReservedName(name), true, name);
    }
    for (const name of ['console.md', 'com10', 'connect.md', 'nul-1.md', 'lpt']) {
      assert.equal(isWindowsReservedName(name), false, name);
    }
  });

  it('leaves no trailing dots or control characters', () => {
    assert.equal(slugify('Wait for it...'), 'wait-for-it');
    assert.equal(slugify('Version 2.'), 'version-2');
    assert.equal(slugify('a\u0000b\u0007c\u202ed'), 'a-b-cd');
    assert.equal(slugify('tab\tand\r\nnewline\n'), 'tab-and-newline');
    assert.equal(slugify('soft\u00adhyphen zero\u200bwidth'), 'softhyphen-zerowidth');
  });

  it('caps the length at a word boundary without a trailing hyphen', () => {
    const long = 'word '.repeat(40);
    const slug = slugify(long);
    assert.ok(slug.length <= 80, `${slug.length}`);
    assert.ok(!slug.endsWith('-'));
    assert.ok(
      slug.split('-').every((part) => part === 'word'),
      slug,
    );
    assert.equal(slug, Array(16).fill('word').join('-'));

    assert.equal(slugify('hello wonderful world', 10), 'hello');
    assert.equal(slugify('hello-world-and-more', 11), 'hello-world');
    assert.equal(slugify('a'.repeat(100)), 'a'.repeat(80));
    assert.equal(slugify('abcdefghij klmnopqrstuvwxyz', 12), 'abcdefghij');
  });

  it('falls back to untitled when nothing is left', () => {
    assert.equal(slugify(''), 'untitled');
    assert.equal(slugify('   '), 'untitled');
    assert.equal(slugify('!!! ??? ...'), 'untitled');
    assert.equal(slugify('日本語'), 'untitled');
    assert.equal(slugify('🚀✨'), 'untitled');
  });

  it('treats unusable caps as sensible ones', () => {
    assert.equal(slugify('', 3), 'untitled');
    assert.equal(slugify('abcdefghijkl', Number.NaN), 'abcdefghijkl');
    assert.equal(slugify('abcdefghijkl', 2).length, 8);
  });

  it('always gives a safe, stable slug', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' })), fc.integer({ min: 1, max: 120 }), (title, max) => {
        const slug = slugify(title, max);
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(slug.length <= Math.max(max, 8));
        assert.equal(isWindowsReservedName(slug), false);
        assert.equal(slugify(slug, max), slug);
      }),
      { numRuns: 300 },
    );
  });
});
