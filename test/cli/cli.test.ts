// Runs the built `devrel-desk` binary (dist/cli.js, as the package's bin) on small repos made
// for each test, and the demo workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const DEMO = path.join(ROOT, 'test', 'fixtures', 'demo-workspace');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const GOOD_POST = `---
kind: blog
title: Good post
status: published
publish_date: 2026-08-10
created: 2026-07-20
impact:
  - { date: 2026-08-20, metric: views, value: 1200 }
feedback:
  - { summary: Add a Parquet exporter, status: shipped, area: exporter, date: 2026-08-21 }
---
Words.
`;

const BROKEN = `---
kind: talk
title: "Unclosed
status: idea
---
Body
`;

const WARNED = `---
kind: blog
title: Warned
status: drafting
impact:
  - { date: 2026-08-20, metric: views }
---
Body
`;

describe('devrel-desk', function () {
  before(function () {
    if (!fs.existsSync(BIN)) throw new Error('dist/cli.js is missing: run npm run build first (npm run test:cli does).');
  });

  describe('arguments', () => {
    it('prints help and exits 0', () => {
      const run = cli(['--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: devrel-desk <command>/);
      assert.match(run.stdout, /--format text\|json\|github/);
    });

    it('refuses an unknown command, an unknown option and a bad value with one line and no stack', () => {
      for (const args of [
        ['deploy'],
        ['list', '--frm', 'x'],
        ['check', '--format', 'xml', '--workspace', DEMO],
        ['upcoming', '--days', 'soon', '--workspace', DEMO],
        ['list', '--days', '3'],
      ]) {
        const run = cli(args);
        assert.equal(run.code, 2, args.join(' '));
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
        assert.match(run.stderr, /^devrel-desk: /);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
      }
    });

    it('says when the workspace is not a folder', () => {
      const run = cli(['list', '--workspace', path.join(DEMO, 'nope')]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /nope is not a folder/);
    });
  });

  describe('check', () => {
    it('prints file:line:col severity message and exits 1 when a draft has errors', () => {
      const dir = repo({ 'posts/good.md': GOOD_POST, 'talks/broken.md': BROKEN, 'posts/warned.md': WARNED });
      const run = cli(['check'], dir);
      assert.equal(run.code, 1, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.ok(
        lines.every((l) => /^\S+:\d+:\d+ (error|warning|info) .+$/.test(l)),
        run.stdout,
      );
      assert.ok(
        lines.some((l) => /^talks\/broken\.md:\d+:\d+ error Front matter is not valid YAML/.test(l)),
        run.stdout,
      );
      assert.ok(
        lines.some((l) => l === 'posts/warned.md:6:5 warning Impact entry 1: value is missing.'),
        run.stdout,
      );
      assert.match(run.stderr, /3 drafts checked: \d+ errors?, 1 other problem\./);
    });

    it('exits 0 when there are only warnings, and checks only the paths given', () => {
      const dir = repo({ 'posts/good.md': GOOD_POST, 'talks/broken.md': BROKEN, 'posts/warned.md': WARNED });
      const run = cli(['check', 'posts'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /broken/);
      assert.match(run.stdout, /posts\/warned\.md/);
      const one = cli(['check', 'posts/good.md'], dir);
      assert.equal(one.code, 0);
      assert.equal(one.stdout, '');
      assert.match(one.stderr, /1 draft checked: 0 errors, 0 other problems/);
      const missing = cli(['check', 'nowhere'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nowhere does not exist/);
    });

    it('writes JSON and GitHub workflow annotations', () => {
      const dir = repo({ 'talks/broken.md': BROKEN, 'posts/warned.md': WARNED });
      const json = cli(['check', '--format', 'json'], dir);
      assert.equal(json.code, 1);
      const findings = JSON.parse(json.stdout) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
      assert.ok(findings.some((f) => f.file === 'posts/warned.md' && f.line === 6 && f.column === 5 && f.severity === 'warning' && f.code === 'invalid-impact'));
      assert.ok(findings.some((f) => f.file === 'talks/broken.md' && f.severity === 'error' && f.code === 'yaml-syntax'));
      const github = cli(['check', '--format', 'github'], dir);
      assert.equal(github.code, 1);
      assert.match(github.stdout, /^::error file=talks\/broken\.md,line=\d+,col=\d+,title=DevRel Desk \(yaml-syntax\)::Front matter is not valid YAML/m);
      assert.match(github.stdout, /^::warning file=posts\/warned\.md,line=6,col=5,title=DevRel Desk \(invalid-impact\)::Impact entry 1: value is missing\.$/m);
    });

    it('finds the same problems as the editor in the demo workspace', () => {
      const run = cli(['check', '--workspace', DEMO, '--format', 'json']);
      assert.equal(run.code, 1);
      const findings = JSON.parse(run.stdout) as { file: string; code: string }[];
      assert.ok(findings.some((f) => f.file === 'content/posts/2026-12-monorepo-ci-caching.md' && f.code === 'unknown-status'));
      assert.ok(findings.some((f) => f.file === 'talks/broken-front-matter.md' && f.code === 'yaml-syntax'));
    });
  });

  describe('settings', () => {
    it('reads a settings file with comments: a folder mapping and a kind from it apply', () => {
      const dir = repo({
        '.vscode/settings.json': `{
  // Our posts live here.
  "devrel.folderKinds": { "writing": "blog" },
  /* A kind of our own */
  "devrel.kinds": { "newsletter": { "label": "Newsletter", "statuses": ["idea", "sent"] } }
}
`,
        'writing/a.md': '---\ntitle: From the folder\nstatus: idea\n---\n',
        'news/n.md': '---\nkind: newsletter\ntitle: Issue 1\nstatus: sent\n---\n',
      });
      const run = cli(['list', '--format', 'json'], dir);
      assert.equal(run.code, 0, run.stderr);
      const drafts = JSON.parse(run.stdout) as { path: string; kind: string; status: string }[];
      assert.deepEqual(
        drafts.map((d) => [d.path, d.kind, d.status]),
        [
          ['news/n.md', 'newsletter', 'sent'],
          ['writing/a.md', 'blog', 'idea'],
        ],
      );
      assert.equal(run.stderr, '');
    });

    it('accepts a trailing comma with a note, and stops at a syntax error with the file and line', () => {
      const trailing = repo({ '.vscode/settings.json': '{\n  "devrel.folderKinds": { "writing": "blog" },\n}\n', 'writing/a.md': '---\ntitle: A\n---\n' });
      const ok = cli(['list'], trailing);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stderr, /note: \.vscode\/settings\.json:3: trailing comma/);
      assert.match(ok.stdout, /^blog\s+\S+\s+A\s+writing\/a\.md$/m);
      const broken = repo({ '.vscode/settings.json': '{\n  "devrel.folderKinds": { "writing": "blog" }\n  "devrel.author": "Ada"\n}\n' });
      const bad = cli(['list'], broken);
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'devrel-desk: .vscode/settings.json:3: comma expected; fix the file and run again.\n');
    });

    it('reads the kinds that workspace templates add', () => {
      const dir = repo({
        '.devrel/templates/podcast.md': '---\ntemplate:\n  kind: podcast\n  statuses: [planned, recorded, published]\ntitle: "{{title}}"\nstatus: planned\n---\n',
        'episodes/e1.md': '---\nkind: podcast\ntitle: Episode 1\nstatus: planned\n---\n',
      });
      const run = cli(['check'], dir);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /unknown-kind|Unknown kind/i);
      const list = cli(['list', '--kind', 'podcast'], dir);
      assert.match(list.stdout, /podcast\s+planned\s+Episode 1/);
    });
  });

  describe('list and upcoming', () => {
    it('filters by kind and status, and refuses an unknown kind', () => {
      const run = cli(['list', '--workspace', DEMO, '--kind', 'talk', '--status', 'submitted']);
      assert.equal(run.code, 0);
      const lines = run.stdout.trim().split('\n');
      assert.match(lines[0], /^KIND\s+STATUS\s+NEXT DATE\s+TITLE\s+PATH$/);
      assert.equal(lines.length, 3);
      assert.ok(lines.slice(1).every((l) => /^talk\s+submitted/.test(l)));
      const bad = cli(['list', '--workspace', DEMO, '--kind', 'poem']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /"poem" is not a kind/);
    });

    it('lists dates within the days asked for and writes an iCalendar file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-ics-'));
      const ics = path.join(dir, 'dates.ics');
      const run = cli(['upcoming', '--workspace', DEMO, '--today', '2026-11-20', '--days', '7', '--ics', ics]);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n').slice(1);
      assert.ok(lines.length > 0);
      assert.ok(
        lines.every((l) => l.slice(0, 10) <= '2026-11-27'),
        run.stdout,
      );
      assert.match(fs.readFileSync(ics, 'utf8'), /^BEGIN:VCALENDAR/);
      fs.writeFileSync(path.join(dir, 'mine.ics'), 'my own notes');
      const refused = cli(['upcoming', '--workspace', DEMO, '--ics', path.join(dir, 'mine.ics')]);
      assert.equal(refused.code, 1);
      assert.equal(fs.readFileSync(path.join(dir, 'mine.ics'), 'utf8'), 'my own notes');
    });
  });

  describe('report', () => {
    const period = ['--from', '2026-07-01', '--to', '2026-09-30'];

    it('prints Markdown, CSV, recognition CSV and JSON for a period', () => {
      const dir = repo({ 'posts/good.md': GOOD_POST });
      const markdown = cli(['report', ...period], dir);
      assert.equal(markdown.code, 0, markdown.stderr);
      assert.match(markdown.stdout, /^# Impact report: 2026 Q3\n/);
      assert.match(markdown.stdout, /\| Views \| 1,200 \| 0 \| new \|/);
      assert.match(markdown.stdout, /Add a Parquet exporter \| exporter \| \*\*shipped\*\*/);
      const csv = cli(['report', ...period, '--format', 'csv'], dir);
      assert.equal(
        csv.stdout.split('\r\n')[1],
        'Good post,Blog post,blog,published,2026-08-10,,posts/good.md,1200,1,1,"Impact: 1,200 page views, product feedback: 1 logged, 1 shipped.",1200',
      );
      const recognition = cli(['report', ...period, '--format', 'csv', '--preset', 'recognition'], dir);
      assert.equal(
        recognition.stdout,
        'Title,Date,URL,Description,Type,Reach\r\nGood post,2026-08-10,,"Impact: 1,200 page views, product feedback: 1 logged, 1 shipped.",Blog post,1200\r\n',
      );
      const json = JSON.parse(cli(['report', ...period, '--format', 'json'], dir).stdout) as { period: { label: string }; quality: { done: number; medianDays: number } };
      assert.equal(json.period.label, '2026 Q3');
      assert.deepEqual([json.quality.done, json.quality.medianDays], [1, 21]);
    });

    it('writes the report and its charts to --out, and replaces them only with --force', () => {
      const dir = repo({ 'posts/good.md': GOOD_POST });
      const out = path.join(dir, 'reports', 'q3.md');
      fs.mkdirSync(path.dirname(out));
      const run = cli(['report', ...period, '--out', out], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(fs.readdirSync(path.dirname(out)).sort(), ['q3-reach.svg', 'q3-totals.svg', 'q3.md']);
      assert.match(fs.readFileSync(out, 'utf8'), /!\[.*\]\(\.\/q3-totals\.svg\)/);
      fs.writeFileSync(out, 'edited by hand');
      const again = cli(['report', ...period, '--out', out], dir);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already exist; pass --force/);
      assert.equal(fs.readFileSync(out, 'utf8'), 'edited by hand');
      const forced = cli(['report', ...period, '--out', out, '--force'], dir);
      assert.equal(forced.code, 0);
      assert.match(fs.readFileSync(out, 'utf8'), /^# Impact report/);
      assert.deepEqual(fs.readdirSync(path.dirname(out)).sort(), ['q3-reach.svg', 'q3-totals.svg', 'q3.md'], 'no temporary files left');
    });

    it('refuses a backwards period, an empty period and a missing folder, writing nothing', () => {
      const dir = repo({ 'posts/good.md': GOOD_POST });
      const backwards = cli(['report', '--from', '2026-09-30', '--to', '2026-07-01', '--out', path.join(dir, 'r.md')], dir);
      assert.equal(backwards.code, 1);
      assert.equal(backwards.stderr, 'devrel-desk: The period starts on 2026-09-30, after it ends on 2026-07-01. Swap the dates.\n');
      const empty = cli(['report', '--from', '2025-01-01', '--to', '2025-03-31', '--out', path.join(dir, 'r.md')], dir);
      assert.equal(empty.code, 1);
      assert.match(empty.stderr, /Nothing was logged, finished or fed back between 2025-01-01 and 2025-03-31/);
      const nowhere = cli(['report', ...period, '--out', path.join(dir, 'no', 'r.md')], dir);
      assert.equal(nowhere.code, 2);
      assert.match(nowhere.stderr, /does not exist; create the folder/);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['posts']);
    });

    it('reports a metric logged in mixed units as a warning and leaves it out', () => {
      const dir = repo({
        'a.md':
          '---\nkind: blog\ntitle: A\nimpact:\n  - { date: 2026-08-01, metric: watch-time, value: 30, unit: minutes }\n  - { date: 2026-08-01, metric: views, value: 5 }\n---\n',
        'b.md': '---\nkind: blog\ntitle: B\nimpact:\n  - { date: 2026-08-02, metric: watch-time, value: 2, unit: hours }\n---\n',
      });
      const run = cli(['report', ...period, '--format', 'json'], dir);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /^warning: a\.md: The metric "watch-time" is logged in different units \(minutes in a\.md, hours in b\.md\)/m);
      assert.deepEqual(
        (JSON.parse(run.stdout) as { totals: { metric: string }[] }).totals.map((t) => t.metric),
        ['views'],
      );
    });
  });

  describe('large repos', () => {
    it('shows progress on stderr, not stdout', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 520; i++) files[`notes/n${i}.md`] = `---\nkind: blog\ntitle: Note ${i}\n---\n`;
      const run = cli(['check', '--format', 'json'], repo(files));
      assert.equal(run.code, 0);
      assert.match(run.stderr, /^Reading 520 Markdown files…$/m);
      assert.deepEqual(JSON.parse(run.stdout), []);
    });
  });
});
