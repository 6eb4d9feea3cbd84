import assert from 'node:assert/strict';
import { parseDraft, readDraft, type ReadOptions } from '../../src/core/draft';
import type { ScanFile, ScanHost } from '../../src/core/scanner';
import { DEFAULT_CONFIG } from '../../src/core/kinds/resolve';
import type { CoreConfig, Draft, Problem, ProblemCode, ReadResult, Skipped } from '../../src/core/types';

export const LISTING: ReadOptions = { analyze: false };
export const ANALYZED: ReadOptions = { analyze: true };

/** The default config plus the folder mappings most tests use. */
export function makeConfig(overrides: Partial<CoreConfig> = {}): CoreConfig {
  return {
    ...DEFAULT_CONFIG,
    folderKinds: [
      { folder: 'content/posts', kind: 'blog' },
      { folder: 'content/talks', kind: 'talk' },
    ],
    ...overrides,
  };
}

export function uriOf(relativePath: string): string {
  return `file:///ws/${relativePath}`;
}

export function source(relativePath = 'drafts/post.md'): { uri: string; relativePath: string } {
  return { uri: uriOf(relativePath), relativePath };
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Parses text and insists on a draft. */
export function draftOf(text: string, options: { path?: string; config?: CoreConfig; analyze?: boolean } = {}): Draft {
  const result = parseDraft(source(options.path), text, options.config ?? makeConfig(), { analyze: options.analyze ?? false });
  return expectDraft(result);
}

/** Reads bytes like the scanner does and insists on a draft. */
export function readDraftOf(bytes: Uint8Array, options: { path?: string; config?: CoreConfig; analyze?: boolean } = {}): Draft {
  return expectDraft(readDraft(source(options.path), bytes, options.config ?? makeConfig(), { analyze: options.analyze ?? false }));
}

export function expectDraft(result: ReadResult): Draft {
  if (!('draft' in result)) assert.fail(`expected a draft, got skipped: ${JSON.stringify(result.skipped)}`);
  return result.draft;
}

export function expectSkipped(result: ReadResult): Skipped {
  if (!('skipped' in result)) assert.fail(`expected a skipped file, got a draft: ${JSON.stringify(result.draft)}`);
  return result.skipped;
}

export function problemCodes(draft: Draft): ProblemCode[] {
  return draft.problems.map((p) => p.code);
}

/** The one problem with this code; fails if there are none or several. */
export function onlyProblem(draft: Draft, code: ProblemCode): Problem {
  const found = draft.problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `expected one ${code} problem, got ${JSON.stringify(draft.problems)}`);
  return found[0];
}

export function range(line: number, from: number, to: number, endLine = line): Problem['range'] {
  return { start: { line, character: from }, end: { line: endLine, character: to } };
}

/** Front matter fenced with `---`, from lines. */
export function yamlDoc(lines: string[], body = ''): string {
  return ['---', ...lines, '---', ''].join('\n') + body;
}

export function tomlDoc(lines: string[], body = ''): string {
  return ['+++', ...lines, '+++', ''].join('\n') + body;
}

/** A host over an in-memory file system that counts reads per URI. */
export class FakeHost implements ScanHost {
  readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  readonly reads: string[] = [];
  /** URIs whose read throws synchronously. */
  readonly throwOn = new Set<string>();
  /** URIs whose read returns a rejected promise. */
  readonly rejectOn = new Set<string>();
  async = false;

  write(relativePath: string, text: string | Uint8Array, mtimeMs = 1000): this {
    this.files.set(uriOf(relativePath), { bytes: typeof text === 'string' ? utf8(text) : text, mtimeMs });
    return this;
  }

  delete(relativePath: string): void {
    this.files.delete(uriOf(relativePath));
  }

  touch(relativePath: string, mtimeMs: number): void {
    const file = this.files.get(uriOf(relativePath));
    assert.ok(file, `no file ${relativePath}`);
    file.mtimeMs = mtimeMs;
  }

  /** What a workspace listing would give the scanner. */
  list(): ScanFile[] {
    return [...this.files.entries()].map(([uri, file]) => ({
      uri,
      relativePath: uri.slice('file:///ws/'.length),
      size: file.bytes.byteLength,
      mtimeMs: file.mtimeMs,
    }));
  }

  readFile(uri: string): Uint8Array | Promise<Uint8Array> {
    this.reads.push(uri);
    if (this.throwOn.has(uri)) throw new Error(`EACCES: permission denied, open '${uri}'`);
    if (this.rejectOn.has(uri)) return Promise.reject(new Error(`EIO: i/o error, read '${uri}'`));
    const file = this.files.get(uri);
    if (!file) throw new Error(`ENOENT: ${uri}`);
    return this.async ? Promise.resolve(file.bytes) : file.bytes;
  }

  resetReads(): void {
    this.reads.length = 0;
  }
}
