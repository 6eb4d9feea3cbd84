import * as assert from 'node:assert/strict';
import { folderRef, targetRef } from '../../src/core/target';

/** Stands in for the editor's Uri class. */
class FakeUri {
  constructor(readonly value: string) {}
}
const isUri = (value: unknown): value is FakeUri => value instanceof FakeUri;

describe('targetRef', () => {
  it('takes a Uri as it is', () => {
    const uri = new FakeUri('file:///w/a.md');
    assert.deepEqual(targetRef(uri, isUri), { type: 'uri', uri });
  });

  it('reads a string as a URI when it has a scheme, else as a path', () => {
    assert.deepEqual(targetRef('file:///w/talks/a.md', isUri), { type: 'uriString', uri: 'file:///w/talks/a.md' });
    assert.deepEqual(targetRef('vscode-remote://ssh/w/a.md', isUri), { type: 'uriString', uri: 'vscode-remote://ssh/w/a.md' });
    assert.deepEqual(targetRef('/w/talks/a.md', isUri), { type: 'path', path: '/w/talks/a.md' });
    assert.deepEqual(targetRef('C:\\w\\a.md', isUri), { type: 'path', path: 'C:\\w\\a.md' }, 'a drive letter is not a scheme');
    assert.deepEqual(targetRef('c:/w/a.md', isUri), { type: 'path', path: 'c:/w/a.md' });
  });

  it('reads the draft of a Drafts or Upcoming view node', () => {
    assert.deepEqual(targetRef({ type: 'draft', uri: 'file:///w/a.md' }, isUri), { type: 'uriString', uri: 'file:///w/a.md' });
    assert.deepEqual(targetRef({ type: 'item', item: { draft: { uri: 'file:///w/b.md' } } }, isUri), { type: 'uriString', uri: 'file:///w/b.md' });
    assert.deepEqual(targetRef({ type: 'group', key: 'talk' }, isUri), { type: 'none' }, 'a group names no draft');
  });

  it('reads an Explorer selection by its resourceUri', () => {
    const uri = new FakeUri('file:///w/a.md');
    assert.deepEqual(targetRef({ resourceUri: uri }, isUri), { type: 'uri', uri });
    assert.deepEqual(targetRef({ resourceUri: 'file:///w/a.md' }, isUri), { type: 'none' }, 'only a real Uri counts');
  });

  it('falls back to the active editor only when nothing was passed', () => {
    assert.deepEqual(targetRef(undefined, isUri), { type: 'activeEditor' });
    assert.deepEqual(targetRef(null, isUri), { type: 'activeEditor' });
    assert.deepEqual(targetRef('', isUri), { type: 'none' });
    assert.deepEqual(targetRef(42, isUri), { type: 'none' });
    assert.deepEqual(targetRef([new FakeUri('file:///w/a.md')], isUri), { type: 'none' });
  });
});

describe('folderRef', () => {
  it('tells URIs, absolute paths and workspace-relative paths apart', () => {
    const uri = new FakeUri('file:///w/talks');
    assert.deepEqual(folderRef(undefined, isUri), { type: 'none' });
    assert.deepEqual(folderRef(uri, isUri), { type: 'uri', uri });
    assert.deepEqual(folderRef('file:///w/talks', isUri), { type: 'uriString', uri: 'file:///w/talks' });
    assert.deepEqual(folderRef('/w/talks', isUri), { type: 'path', path: '/w/talks' });
    assert.deepEqual(folderRef('D:\\w\\talks', isUri), { type: 'path', path: 'D:\\w\\talks' });
    assert.deepEqual(folderRef('\\\\server\\share', isUri), { type: 'path', path: '\\\\server\\share' });
    assert.deepEqual(folderRef('content/posts', isUri), { type: 'relative', path: 'content/posts' });
    assert.deepEqual(folderRef('talks:2026', isUri), { type: 'relative', path: 'talks:2026' }, 'no // means no URI');
  });

  it('refuses anything else with a message', () => {
    const ref = folderRef(42, isUri);
    assert.equal(ref.type, 'invalid');
    assert.match(ref.type === 'invalid' ? ref.message : '', /workspace-relative path, an absolute path or a Uri/);
  });
});
