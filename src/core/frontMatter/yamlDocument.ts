import { isMap, isScalar, parseDocument, visit, YAMLParseError, type Document } from 'yaml';

/**
 * `yaml`'s `parseDocument`, with its two costs that grow faster than the text taken out:
 *
 * - Its duplicate-key check compares each key with every earlier key of its map, which is
 *   quadratic; keys are checked here against a set instead, with the same idea of "equal"
 *   (scalar keys with the same value) and the same error.
 * - Every syntax error is an Error, and capturing a stack for each of thousands of them costs
 *   far more than the parse. The errors are kept, without stacks.
 *
 * Callers check the front-matter caps first (`frontMatterOverLimit`); this keeps the work linear
 * within them.
 */
export function parseYamlDocument(content: string, options: { keepSourceTokens?: boolean } = {}): Document.Parsed {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const doc = parseDocument(content, { keepSourceTokens: options.keepSourceTokens ?? false, prettyErrors: false, uniqueKeys: false });
    const duplicates = duplicateKeyErrors(doc);
    if (duplicates.length > 0) {
      doc.errors.push(...duplicates);
      doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    }
    return doc;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map) || map.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const offset = key.range?.[0] ?? 0;
          errors.push(new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(key.value);
        }
      }
    },
  });
  return errors;
}
