import * as fs from 'node:fs';

/** The first `bytes` bytes of a local file (fewer when it is shorter), without reading the rest. */
export function readHeadSync(path: string, bytes: number): Uint8Array {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
