import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFrontSync, readHeadSync } from '../../src/util/readHead';

describe('readFrontSync', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-readfront-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function file(name: string, text: string): string {
    const full = path.join(dir, name);
    fs.writeFileSync(full, text);
    return full;
  }

  it('stops after the first read when asked, and reads the rest through the same open when asked for all', () => {
    const text = 'a'.repeat(5000);
    const seen: number[] = [];
    const stopped = readFrontSync(file('stop.md', text), 1024, (bytes) => (seen.push(bytes.byteLength), 'stop'));
    assert.deepEqual([stopped.bytes.byteLength, stopped.complete, seen], [1024, false, [1024]]);
    const all = readFrontSync(file('all.md', text), 1024, () => 'all');
    assert.equal(Buffer.from(all.bytes).toString(), text);
    assert.equal(all.complete, true);
  });

  it('grows by four when asked for more, and says when it reached the end', () => {
    const sizes: [number, boolean][] = [];
    const result = readFrontSync(file('more.md', 'b'.repeat(20_000)), 1024, (bytes, complete) => (sizes.push([bytes.byteLength, complete]), 'more'));
    assert.deepEqual(sizes, [
      [1024, false],
      [4096, false],
      [16384, false],
      [20000, true],
    ]);
    assert.equal(result.complete, true);
    assert.equal(result.bytes.byteLength, 20_000);
  });

  it('reads a short file whole in one go, and an empty one too', () => {
    const short = readFrontSync(file('short.md', '---\nkind: talk\n---\n'), 1024, () => 'all');
    assert.deepEqual([Buffer.from(short.bytes).toString(), short.complete], ['---\nkind: talk\n---\n', true]);
    const empty = readFrontSync(file('empty.md', ''), 1024, () => 'all');
    assert.deepEqual([empty.bytes.byteLength, empty.complete], [0, true]);
    assert.equal(readHeadSync(file('head.md', 'xyz'.repeat(1000)), 10).byteLength, 10);
  });
});
