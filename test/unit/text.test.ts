import assert from 'node:assert/strict';
import { decodeDraftBytes, LineMap } from '../../src/core/text';
import { utf8 } from './helpers';

const MB = 1024 * 1024;

function decodedText(bytes: Uint8Array, maxBytes = 2 * MB): string {
  const result = decodeDraftBytes(bytes, maxBytes);
  if (!result.ok) assert.fail(`expected text, got ${result.reason}: ${result.message}`);
  return result.text;
}

describe('text', () => {
  describe('decodeDraftBytes', () => {
    it('decodes UTF-8, including characters outside the BMP', () => {
      assert.equal(decodedText(utf8('# Héllo 🌍\n')), '# Héllo 🌍\n');
      assert.equal(decodedText(new Uint8Array(0)), '');
    });

    it('keeps a byte order mark so edits can write it back', () => {
      const text = decodedText(new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]));
      assert.equal(text, '\uFEFF# A');
      assert.equal(text.charCodeAt(0), 0xfeff);
    });

    it('decodes only the viewed bytes of a subarray', () => {
      const backing = utf8('xxx# Title\nyyy');
      assert.equal(decodedText(backing.subarray(3, 11)), '# Title\n');
    });

    it('accepts a file exactly at the size limit and refuses one byte more', () => {
      assert.equal(decodedText(utf8('a'.repeat(100)), 100).length, 100);
      const result = decodeDraftBytes(utf8('a'.repeat(101)), 100);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.reason, 'too-large');
    });

    it('says how large the limit is in MB', () => {
      const over = new Uint8Array(2 * MB + 1).fill(0x61);
      assert.deepEqual(decodeDraftBytes(over, 2 * MB), { ok: false, reason: 'too-large', message: 'Skipped: the file is larger than 2 MB.' });
      const half = decodeDraftBytes(new Uint8Array(MB).fill(0x61), MB / 2);
      assert.equal(!half.ok && half.message, 'Skipped: the file is larger than 0.5 MB.');
    });

    it('checks size before content, so a huge binary file is not scanned', () => {
      const result = decodeDraftBytes(new Uint8Array(200), 100);
      assert.equal(!result.ok && result.reason, 'too-large');
    });

    it('refuses NUL bytes as binary', () => {
      const result = decodeDraftBytes(new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x42]), 2 * MB);
      assert.deepEqual(result, { ok: false, reason: 'binary', message: 'Skipped: the file contains NUL bytes, so it is not text.' });
    });

    it('refuses invalid UTF-8 with a way to fix it', () => {
      // Latin-1 "café": 0xE9 alone is not UTF-8.
      const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]);
      const result = decodeDraftBytes(latin1, 2 * MB);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.reason, 'invalid-utf8');
      assert.match(!result.ok ? result.message : '', /Re-save it as UTF-8/);
      // A truncated multi-byte sequence and an overlong encoding are invalid too.
      assert.equal(decodeDraftBytes(new Uint8Array([0xf0, 0x9f, 0x8c]), 2 * MB).ok, false);
      assert.equal(decodeDraftBytes(new Uint8Array([0xc0, 0xaf]), 2 * MB).ok, false);
    });

    it('reports binary before invalid UTF-8 when a file is both', () => {
      const result = decodeDraftBytes(new Uint8Array([0xff, 0x00, 0xfe]), 2 * MB);
      assert.equal(!result.ok && result.reason, 'binary');
    });
  });

  describe('LineMap', () => {
    it('maps offsets to lines and characters', () => {
      const map = new LineMap('ab\ncde\n\nf');
      assert.deepEqual(map.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(map.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(map.positionAt(3), { line: 1, character: 0 });
      assert.deepEqual(map.positionAt(5), { line: 1, character: 2 });
      assert.deepEqual(map.positionAt(7), { line: 2, character: 0 });
      assert.deepEqual(map.positionAt(8), { line: 3, character: 0 });
      assert.deepEqual(map.positionAt(9), { line: 3, character: 1 });
    });

    it('counts CRLF as one line break, with the CR at the end of its line', () => {
      const text = 'ab\r\ncd';
      const map = new LineMap(text);
      assert.deepEqual(map.positionAt(2), { line: 0, character: 2 });
      assert.deepEqual(map.positionAt(3), { line: 0, character: 3 });
      assert.deepEqual(map.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    });

    it('counts characters in UTF-16 code units like VS Code', () => {
      const text = '🌍x\nab';
      const map = new LineMap(text);
      assert.deepEqual(map.positionAt(text.indexOf('x')), { line: 0, character: 2 });
    });

    it('handles an empty text and a text ending in a line break', () => {
      assert.deepEqual(new LineMap('').positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(new LineMap('a\n').positionAt(2), { line: 1, character: 0 });
    });

    it('round-trips offsets and positions', () => {
      const text = '---\r\nkind: talk\r\n---\n\n# Title\nbody';
      const map = new LineMap(text);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.equal(map.offsetAt(map.positionAt(offset)), offset, `offset ${offset}`);
      }
    });

    it('clamps a line past the end to the last line', () => {
      const map = new LineMap('ab\ncd');
      assert.equal(map.offsetAt({ line: 1, character: 1 }), 4);
      assert.equal(map.offsetAt({ line: 9, character: 1 }), 4);
    });

    it('is fast on many lines', () => {
      const text = 'line\n'.repeat(200_000);
      const started = Date.now();
      const map = new LineMap(text);
      assert.deepEqual(map.positionAt(text.length - 1), { line: 199_999, character: 4 });
      assert.ok(Date.now() - started < 1000);
    });
  });
});
