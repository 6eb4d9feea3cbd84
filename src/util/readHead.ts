import * as fs from 'node:fs';
import type { FrontDecision, FrontRead } from '../core/scanner';
import type { DetectionHost } from '../core/sites/detect';

/**
 * Reads a local file from its start through one open: `firstBytes`, then four times as much
 * each time `decide` asks for more, or the rest at once when it asks for all.
 */
export function readFrontSync(path: string, firstBytes: number, decide: FrontDecision): FrontRead {
  const fd = fs.openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(firstBytes);
    let length = fill(fd, buffer, 0);
    for (;;) {
      const complete = length < buffer.length;
      const wanted = decide(buffer.subarray(0, length), complete);
      if (complete || wanted === 'stop') return { bytes: buffer.subarray(0, length), complete };
      const size = wanted === 'all' ? Math.max(fs.fstatSync(fd).size + 1, buffer.length * 2) : buffer.length * 4;
      const grown = Buffer.allocUnsafe(size);
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
      length = fill(fd, buffer, length);
      // The file grew past its size while being read: read on until it ends.
      while (wanted === 'all' && length === buffer.length) {
        const more = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(more, 0, 0, length);
        buffer = more;
        length = fill(fd, buffer, length);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The first `bytes` bytes of a local file (fewer when it is shorter), without reading the rest. */
export function readHeadSync(path: string, bytes: number): Uint8Array {
  return readFrontSync(path, bytes, () => 'stop').bytes;
}

/** Reads into `buffer` from `offset` until it is full or the file ends; returns how much it holds. */
function fill(fd: number, buffer: Buffer, offset: number): number {
  let length = offset;
  while (length < buffer.length) {
    const read = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return length;
}

/** Site detection's listings and small reads on a local folder, `root` an absolute path; unreadable entries are undefined. */
export function nodeDetectionHost(root: string): DetectionHost {
  const full = (relative: string): string => (relative ? `${root}/${relative}` : root);
  return {
    list: async (dir) => {
      try {
        const entries = fs.readdirSync(full(dir), { withFileTypes: true });
        return { files: entries.filter((e) => e.isFile()).map((e) => e.name), folders: entries.filter((e) => e.isDirectory()).map((e) => e.name) };
      } catch {
        return undefined;
      }
    },
    read: async (file, maxBytes) => {
      try {
        return Buffer.from(readHeadSync(full(file), maxBytes)).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
