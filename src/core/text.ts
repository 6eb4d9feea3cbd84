import { isUtf8 } from 'node:buffer';
import type { Position, SkipReason } from './types';
import { type Result } from './util/result';

export type DecodeResult = Result<{ text: string }, { reason: SkipReason }>;

/**
 * Turns file bytes into text, refusing what is not a Markdown draft. A BOM is kept in
 * the text so that edits can write it back unchanged.
 */
export function decodeDraftBytes(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    const mb = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return { ok: false, reason: 'too-large', message: `Skipped: the file is larger than ${mb} MB.` };
  }
  if (bytes.indexOf(0) !== -1) {
    return { ok: false, reason: 'binary', message: 'Skipped: the file contains NUL bytes, so it is not text.' };
  }
  if (!isUtf8(bytes)) {
    return { ok: false, reason: 'invalid-utf8', message: 'Skipped: the file is not valid UTF-8. Re-save it as UTF-8 to track it.' };
  }
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
}

/** Maps offsets to line/character positions; built once per text and only when a problem needs it. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  offsetAt(position: Position): number {
    return (this.starts[position.line] ?? this.starts[this.starts.length - 1]) + position.character;
  }
}
