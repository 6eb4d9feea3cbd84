import * as assert from 'node:assert/strict';
import { compileGlobs, globToRegExp } from '../../src/core/glob';

describe('glob', () => {
  it('matches `**/name/**` at any depth, including the top', () => {
    const excluded = compileGlobs(['**/node_modules/**']);
    assert.equal(excluded('node_modules/pkg/README.md'), true);
    assert.equal(excluded('site/node_modules/pkg/README.md'), true);
    assert.equal(excluded('content/posts/node-modules.md'), false);
  });

  it('treats a folder pattern as excluding everything under it', () => {
    const excluded = compileGlobs(['public', 'drafts/old']);
    assert.equal(excluded('public/index.md'), true);
    assert.equal(excluded('drafts/old/a.md'), true);
    assert.equal(excluded('drafts/new/a.md'), false);
  });

  it('supports *, ? and braces', () => {
    assert.equal(globToRegExp('*.md').test('a.md'), true);
    assert.equal(globToRegExp('*.md').test('dir/a.md'), false);
    assert.equal(globToRegExp('draft-?.md').test('draft-1.md'), true);
    assert.equal(globToRegExp('**/*.{md,mdx}').test('a/b/c.mdx'), true);
    assert.equal(globToRegExp('**/*.{md,mdx}').test('a/b/c.txt'), false);
  });

  it('escapes regular-expression characters in names', () => {
    assert.equal(globToRegExp('notes (old).md').test('notes (old).md'), true);
    assert.equal(globToRegExp('a+b.md').test('aab.md'), false);
  });

  it('excludes nothing with no patterns', () => {
    assert.equal(compileGlobs([])('anything.md'), false);
  });
});
