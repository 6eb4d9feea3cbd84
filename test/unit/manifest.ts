import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

const placeholder = /^%([\w.-]+)%$/;

/** package.json exactly as written, with its `%key%` placeholders. */
export function readRawManifest(): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as unknown;
}

/** The English strings package.json's placeholders point to. */
export function readNls(): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
}

/** package.json as the editor shows it in English: every whole-string `%key%` replaced from package.nls.json. */
export function readManifest<T>(): T {
  const nls = readNls();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const key = placeholder.exec(value)?.[1];
      return key !== undefined && key in nls ? nls[key] : value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(readRawManifest()) as T;
}
