import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { FrontMatterBlock } from '../frontMatter/parse';
import type { LineMap } from '../text';
import type { Range } from '../types';

/** A path into the front matter: `['submissions', 2, 'status']`. */
export type FieldPath = readonly (string | number)[];

/**
 * Finds where nested front-matter values are written, for problems inside lists and maps.
 * The YAML is parsed again only when the first range is asked for, which happens only for
 * drafts that have problems. TOML front matter gives no places; problems there have none.
 */
export function nestedRangeFinder(
  text: string,
  block: FrontMatterBlock | undefined,
  lines: () => LineMap,
): (path: FieldPath, part?: 'value' | 'key' | 'entry') => Range | undefined {
  let root: Node | null | undefined;
  const base = block?.contentStart ?? 0;
  return (path, part = 'value') => {
    if (!block || block.format !== 'yaml') return undefined;
    if (root === undefined) {
      try {
        const doc = parseDocument(text.slice(block.contentStart, block.contentEnd), { prettyErrors: false, uniqueKeys: false });
        root = isNode(doc.contents) ? doc.contents : null;
      } catch {
        root = null;
      }
    }
    let node: Node | null = root ?? null;
    let keyNode: Node | null = null;
    for (const step of path) {
      keyNode = null;
      if (typeof step === 'number' && isSeq(node)) {
        const item = node.items[step];
        node = isNode(item) ? item : null;
      } else if (typeof step === 'string' && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
        keyNode = pair && isNode(pair.key) ? pair.key : null;
        node = pair && isNode(pair.value) ? pair.value : null;
        // `status:` with nothing after it: point at the key.
        if (!node && keyNode) return toRange(keyNode);
      } else {
        return undefined;
      }
      if (!node) return undefined;
    }
    const chosen = part === 'key' && keyNode ? keyNode : node;
    return chosen ? toRange(chosen, part === 'entry') : undefined;
  };

  function toRange(node: Node, whole = false): Range | undefined {
    const range = node.range;
    if (!range) return undefined;
    const lineMap = lines();
    // An entry is shown by its first line, so the squiggle doesn't cover a whole block.
    let end = range[1];
    if (whole) {
      const content = text.slice(base + range[0], base + range[1]);
      const lineBreak = content.search(/\r?\n/);
      if (lineBreak >= 0) end = range[0] + lineBreak;
    }
    return { start: lineMap.positionAt(base + range[0]), end: lineMap.positionAt(base + Math.max(range[0], end)) };
  }
}
