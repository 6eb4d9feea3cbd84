import * as path from 'path';
import { generateCorpus } from './benchCorpus';

/**
 * Writes a synthetic workspace of drafts, for benchmarks and for trying the
 * extension on a large repo (`npm start -- <folder>`).
 *
 *   tsx scripts/generateDrafts.ts <folder> [count=5000] [seed=42]
 */
export function generateDraftWorkspace(folder: string, count: number, seed = 42): string[] {
  return generateCorpus({ root: folder, files: count, seed });
}

if (require.main === module) {
  const [folder, count = '5000', seed = '42'] = process.argv.slice(2);
  if (!folder || !(Number(count) > 0)) {
    console.error('usage: tsx scripts/generateDrafts.ts <folder> [count=5000] [seed=42]');
    process.exit(2);
  }
  const files = generateDraftWorkspace(path.resolve(folder), Number(count), Number(seed));
  console.log(`wrote ${files.length} drafts under ${path.resolve(folder)}`);
}
