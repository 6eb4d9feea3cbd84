// Generates a synthetic, realistic workspace of drafts for the benchmarks.
// Deterministic: the same seed gives the same files, so runs are comparable.
import * as fs from 'node:fs';
import * as path from 'node:path';

function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: small, fast and good enough to vary content.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'developer experience api sdk onboarding latency cache cluster deploy pipeline observability tracing ' +
  'metrics community feedback release docs tutorial sample workshop keynote demo migration schema query ' +
  'index edge function serverless container kubernetes terraform plugin extension editor debugger ' +
  'performance benchmark security token auth webhook event stream queue retry backoff idempotent ' +
  'the a of to and in is that for it with as was on be by this are from or have an they which you were'
).split(' ');

const KINDS = ['blog', 'talk', 'oss', 'workshop', 'trip-report'] as const;
const STATUSES: Record<string, string[]> = {
  blog: ['idea', 'drafting', 'review', 'scheduled', 'published'],
  talk: ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'],
  oss: ['todo', 'in-progress', 'pr-open', 'merged', 'closed'],
  workshop: ['idea', 'drafting', 'ready', 'delivered'],
  'trip-report': ['drafting', 'shared'],
};

export interface CorpusOptions {
  root: string;
  files: number;
  seed?: number;
}

export function generateCorpus(options: CorpusOptions): string[] {
  const rand = makeRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const date = (): string => {
    const y = 2025 + Math.floor(rand() * 3);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };

  const written: string[] = [];
  fs.mkdirSync(options.root, { recursive: true });
  for (let i = 0; i < options.files; i++) {
    const kind = pick(KINDS);
    const dir = path.join(options.root, `${kind}s`, `group-${i % 37}`, `batch-${i % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    const title = sentence(3, 8).replace(/\.$/, '');
    const fm: string[] = ['---', `title: "${title} ${i}"`, `kind: ${kind}`, `status: ${pick(STATUSES[kind])}`];
    const extra: string[] = [
      `description: ${sentence(6, 14)}`,
      `tags: [${pick(WORDS)}, ${pick(WORDS)}, ${pick(WORDS)}]`,
      `due: ${date()}`,
      `author: Alex Example`,
      `# reviewed by the team`,
      `canonical_url: https://example.com/${kind}/${i}`,
      `cover_image: images/${i}.png`,
    ];
    if (kind === 'talk') {
      extra.push(`event: DevConf ${2025 + (i % 3)}`, `cfp_deadline: ${date()}`, `event_date: ${date()}`, `duration: 30`);
      extra.push(`abstract: >-\n  ${sentence(20, 40)}\n  ${sentence(10, 30)}`);
    } else if (kind === 'blog') {
      extra.push(`publish_date: ${date()}`, `draft: ${rand() < 0.5}`);
    } else if (kind === 'oss') {
      extra.push(`repository: https://github.com/example/project-${i % 50}`, `issue: ${100 + i}`);
    } else {
      extra.push(`event_date: ${date()}`);
    }
    const fieldCount = 2 + Math.floor(rand() * (extra.length - 1));
    fm.push(...extra.slice(0, fieldCount), '---', '');

    const body: string[] = [`# ${title}`, ''];
    const target = 2048 + Math.floor(rand() * 4096);
    let size = fm.join('\n').length;
    let section = 0;
    while (size < target) {
      const roll = rand();
      let block: string;
      if (roll < 0.12) {
        section++;
        block = kind === 'talk' ? `## Part ${section} (${2 + Math.floor(rand() * 8)} min)` : `## ${sentence(2, 5)}`;
      } else if (roll < 0.25) {
        block = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => `- [${rand() < 0.4 ? 'x' : ' '}] ${sentence(3, 9)}`).join('\n');
      } else if (roll < 0.35) {
        block = '```ts\nconst client = createClient({ retries: 3 });\nawait client.deploy("edge");\n// [x] not a task\n```';
      } else if (roll < 0.42) {
        block = `> ${sentence(8, 20)} See https://example.com/docs/${i} for more.`;
      } else if (roll < 0.47) {
        block = '| step | time |\n| --- | --- |\n| setup | 5 min |\n| deploy | 2 min |';
      } else {
        block = `${sentence(10, 25)} ${sentence(5, 20)} Read [the docs](https://example.com/${i}) and \`npm install\`. ${sentence(5, 15)}`;
      }
      body.push(block, '');
      size += block.length + 2;
    }
    const file = path.join(dir, `draft-${i}.md`);
    fs.writeFileSync(file, fm.join('\n') + body.join('\n'));
    written.push(file);
  }
  return written;
}

/**
 * A documentation site: pages of 2–8 KB with the front matter docs generators use (title,
 * description, sidebar position, tags) and no drafts, in nested sections.
 */
export function generateDocsCorpus(options: CorpusOptions): string[] {
  const rand = makeRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const written: string[] = [];
  for (let i = 0; i < options.files; i++) {
    const dir = path.join(options.root, 'docs', `section-${i % 23}`, `topic-${i % 11}`);
    fs.mkdirSync(dir, { recursive: true });
    const title = sentence(2, 6).replace(/\.$/, '');
    const fm = ['---', `title: "${title}"`, `description: ${sentence(6, 16)}`, `sidebar_position: ${i % 40}`, `tags: [${pick(WORDS)}, ${pick(WORDS)}]`];
    if (rand() < 0.3) fm.push(`slug: /reference/${i}`);
    if (rand() < 0.2) fm.push('hide_table_of_contents: true');
    fm.push('---', '');
    const body: string[] = [`# ${title}`, ''];
    const target = 2048 + Math.floor(rand() * 6144);
    let size = fm.join('\n').length;
    while (size < target) {
      const roll = rand();
      const block =
        roll < 0.15
          ? `## ${sentence(2, 5)}`
          : roll < 0.3
            ? '```bash\nnpm install @example/sdk\nnpx example init --region eu\n```'
            : roll < 0.38
              ? `:::tip\n${sentence(6, 14)}\n:::`
              : `${sentence(10, 25)} ${sentence(5, 20)} See [the API reference](/api/${i % 97}) and \`example.config.js\`.`;
      body.push(block, '');
      size += block.length + 2;
    }
    const file = path.join(dir, `page-${i}.mdx`);
    fs.writeFileSync(file, fm.join('\n') + body.join('\n'));
    written.push(file);
  }
  return written;
}
