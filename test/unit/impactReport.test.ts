import assert from 'node:assert/strict';
import { buildImpactReport, clip, doneDate, median, type ImpactReport } from '../../src/core/report/build';
import { defaultReportFileName, reportCsv, reportFiles, reportJson, reportMarkdown } from '../../src/core/report/format';
import { generateReport } from '../../src/core/report/generate';
import { lastFullQuarter, previousPeriod, resolvePeriod } from '../../src/core/report/period';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft } from '../../src/core/types';
import { draftOf } from './helpers';

const Q3 = { from: '2026-07-01', to: '2026-09-30', label: '2026 Q3' };
const Q2 = { from: '2026-04-01', to: '2026-06-30', label: '2026 Q2' };

function doc(fields: string, body = 'Some words here.\n'): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}

function post(name: string, fields: string, body?: string): Draft {
  return draftOf(doc(`kind: blog\n${fields}`, body), { path: `content/posts/${name}.md`, analyze: true });
}

function of(path: string, fields: string): Draft {
  return draftOf(doc(fields), { path, analyze: true });
}

function build(drafts: Draft[]): ImpactReport {
  const result = buildImpactReport(drafts, { period: Q3, previous: Q2, kinds: BUILT_IN_KINDS });
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return result.report;
}

const publishedPost = post(
  'otel',
  `title: OpenTelemetry pipelines
status: published
publish_date: 2026-08-10
created: 2026-07-01
description: How to build collector pipelines.
canonical_url: https://example.com/otel
impact:
  - { date: 2026-08-20, metric: views, value: 1200 }
  - { date: 2026-09-01, metric: views, value: 300 }
  - { date: 2026-08-21, metric: reactions, value: 40 }
  - { date: 2026-05-02, metric: views, value: 500 }`,
  'word '.repeat(460) + '\n',
);

const talk = of(
  'talks/kubecon.md',
  `kind: talk
title: Tail sampling
status: delivered
created: 2026-05-20
event_date: 2026-09-12
submissions:
  - { event: KubeCon, status: delivered, event_date: 2026-09-12 }
  - { event: DevConf, status: rejected, notification_date: 2026-08-01 }
  - { event: SREcon, status: accepted, notification_date: 2026-07-15 }
impact:
  - { date: 2026-09-12, metric: attendees, value: 240 }
  - { date: 2026-04-10, metric: attendees, value: 80 }
feedback:
  - { summary: Export traces as Parquet, status: shipped, area: exporter, date: 2026-09-12 }
  - { summary: Docs for sampling rules, status: open, date: 2026-09-13 }
  - { summary: Old ask, status: shipped, date: 2026-06-01 }`,
);

const merged = of(
  'oss/docs.md',
  `kind: oss
title: Span links docs
status: merged
repository: open-telemetry/opentelemetry-js
merged: 2026-07-20
created: 2026-07-10`,
);

describe('impact report', () => {
  describe('periods', () => {
    it('defaults to the last full quarter, also across a year', () => {
      assert.deepEqual(lastFullQuarter('2026-11-05'), Q3);
      assert.deepEqual(lastFullQuarter('2027-01-01'), { from: '2026-10-01', to: '2026-12-31', label: '2026 Q4' });
    });

    it('compares a quarter with the quarter before, a month with the month before, other spans with as many days', () => {
      assert.deepEqual(previousPeriod(Q3), Q2);
      assert.deepEqual(previousPeriod({ from: '2026-03-01', to: '2026-03-31' }), { from: '2026-02-01', to: '2026-02-28', label: '2026-02-01 to 2026-02-28' });
      assert.deepEqual(previousPeriod({ from: '2026-01-01', to: '2026-12-31' }), { from: '2025-01-01', to: '2025-12-31', label: '2025' });
      assert.deepEqual(previousPeriod({ from: '2026-07-11', to: '2026-07-20' }), { from: '2026-07-01', to: '2026-07-10', label: '2026-07-01 to 2026-07-10' });
    });

    it('reads the dates asked for and refuses a period that ends before it starts', () => {
      const resolved = resolvePeriod({ from: '2026-07-01', to: '2026-09-30' }, '2026-12-01');
      assert.ok(resolved.ok);
      assert.deepEqual(resolved.period, Q3);
      const backwards = resolvePeriod({ from: '2026-09-30', to: '2026-07-01' }, '2026-12-01');
      assert.ok(!backwards.ok);
      assert.match(backwards.message, /starts on 2026-09-30, after it ends on 2026-07-01/);
      const bad = resolvePeriod({ from: '2026-13-01' }, '2026-12-01');
      assert.ok(!bad.ok);
      assert.match(bad.message, /from date/);
    });

    it('starts a period given only its end on the first day of that quarter, and ends one given only its start today', () => {
      const onlyTo = resolvePeriod({ to: '2026-08-15' }, '2026-12-01');
      assert.ok(onlyTo.ok);
      assert.equal(onlyTo.period.from, '2026-07-01');
      const onlyFrom = resolvePeriod({ from: '2026-11-01' }, '2026-12-01');
      assert.ok(onlyFrom.ok);
      assert.equal(onlyFrom.period.to, '2026-12-01');
    });
  });

  describe('building', () => {
    const report = build([publishedPost, talk, merged]);

    it('totals each metric in the period and the period before', () => {
      assert.deepEqual(
        report.totals.map((t) => [t.metric, t.current, t.previous]),
        [
          ['views', 1500, 500],
          ['reactions', 40, 0],
          ['attendees', 240, 80],
        ],
      );
    });

    it('lists each piece of work with what it achieved, its reach and its link', () => {
      assert.deepEqual(
        report.rows.map((r) => [r.title, r.date, r.reach, r.url]),
        [
          ['Span links docs', '2026-07-20', 0, ''],
          ['OpenTelemetry pipelines', '2026-08-10', 1500, 'https://example.com/otel'],
          ['Tail sampling', '2026-09-12', 240, ''],
        ],
      );
      assert.equal(report.rows[1].achieved, '1,500 page views, 40 reactions');
      assert.equal(report.rows[2].achieved, '240 people in the room, product feedback: 2 logged, 1 shipped');
      assert.equal(report.rows[1].description, 'How to build collector pipelines. Impact: 1,500 page views, 40 reactions.');
    });

    it('groups the work by kind in the order of the kinds', () => {
      assert.deepEqual(
        report.byKind.map((k) => [k.kind, k.works, k.reach]),
        [
          ['blog', 1, 1500],
          ['talk', 1, 240],
          ['oss', 1, 0],
        ],
      );
    });

    it('counts talks given and the acceptance rate of calls decided in the period', () => {
      assert.deepEqual(
        report.talks.given.map((t) => [t.event, t.date]),
        [['KubeCon', '2026-09-12']],
      );
      assert.equal(report.talks.decided, 3);
      assert.equal(report.talks.accepted, 2);
    });

    it('lists posts published with their reading time, and OSS contributions merged', () => {
      assert.deepEqual(
        report.posts.published.map((p) => [p.title, p.readingMinutes]),
        [['OpenTelemetry pipelines', 2]],
      );
      assert.equal(report.posts.readingMinutes, 2);
      assert.deepEqual(
        report.oss.merged.map((o) => [o.title, o.repository, o.date]),
        [['Span links docs', 'open-telemetry/opentelemetry-js', '2026-07-20']],
      );
    });

    it('counts feedback given in the period by status, and the shipped feedback of the period before', () => {
      assert.equal(report.feedback.entries.length, 2);
      assert.equal(report.feedback.byStatus.shipped, 1);
      assert.equal(report.feedback.byStatus.open, 1);
      assert.equal(report.feedback.entries[0].status, 'open');
      assert.equal(report.feedback.previousShipped, 1);
    });

    it('counts the work that went from idea to done and the median days it took', () => {
      // 40 days (post), 115 days (talk), 10 days (OSS).
      assert.deepEqual(report.quality, { done: 3, timed: 3, medianDays: 40, previousDone: 0 });
      assert.equal(median([1, 2, 3, 10]), 2.5);
      assert.equal(median([]), undefined);
    });

    it('refuses a period with nothing in it, with a message saying what to do', () => {
      const result = buildImpactReport([publishedPost], { period: { from: '2025-01-01', to: '2025-03-31', label: '2025 Q1' }, previous: Q2, kinds: BUILT_IN_KINDS });
      assert.ok(!result.ok);
      assert.match(result.problems[0].message, /Nothing was logged, finished or fed back between 2025-01-01 and 2025-03-31/);
    });

    it('leaves out a metric logged in different units and names the files', () => {
      const a = of(
        'notes/a.md',
        'kind: blog\ntitle: A\nimpact:\n  - { date: 2026-08-01, metric: watch-time, value: 30, unit: minutes }\n  - { date: 2026-08-01, metric: views, value: 3 }',
      );
      const b = of('notes/b.md', 'kind: blog\ntitle: B\nimpact:\n  - { date: 2026-08-02, metric: watch-time, value: 2, unit: hours }');
      const mixed = build([a, b]);
      assert.deepEqual(
        mixed.totals.map((t) => t.metric),
        ['views'],
      );
      assert.equal(mixed.problems.length, 1);
      assert.match(mixed.problems[0].message, /"watch-time" is logged in different units \(minutes in notes\/a.md, hours in notes\/b.md\)/);
      assert.equal(mixed.problems[0].file, 'notes/a.md');
    });

    it('dates finished work by its done field, then its event, then its due date', () => {
      assert.equal(doneDate(merged), '2026-07-20');
      assert.equal(doneDate(talk), '2026-09-12');
      assert.equal(doneDate(of('oss/x.md', 'kind: oss\ntitle: X\nstatus: merged\ndue: 2026-08-08')), '2026-08-08');
    });
  });

  describe('files', () => {
    const report = build([publishedPost, talk, merged]);

    it('writes the same rows to CSV and JSON', () => {
      const csv = reportCsv(report).split('\r\n');
      assert.equal(csv[0], 'title,type,kind,status,date,url,path,reach,feedback_given,feedback_shipped,description,views,reactions,attendees');
      assert.equal(
        csv[2],
        'OpenTelemetry pipelines,Blog post,blog,published,2026-08-10,https://example.com/otel,content/posts/otel.md,1500,0,0,"How to build collector pipelines. Impact: 1,500 page views, 40 reactions.",1500,40,',
      );
      assert.equal(csv.length, 5, 'a header, three rows and the final line end');
      const json = JSON.parse(reportJson(report)) as { rows: { title: string; reach: number }[] };
      assert.deepEqual(
        json.rows.map((r) => [r.title, r.reach]),
        report.rows.map((r) => [r.title, r.reach]),
      );
    });

    it('has a recognition-program preset of the same rows with a description of at most 1,000 characters', () => {
      // The index keeps short fields only; a draft from elsewhere may still carry a long one.
      const base = of('notes/long.md', 'kind: blog\ntitle: Long\nstatus: published\npublish_date: 2026-08-01');
      const long: Draft = { ...base, fields: { ...base.fields, description: 'word '.repeat(400) } };
      const csv = reportCsv(build([long, publishedPost]), 'recognition').split('\r\n');
      assert.equal(csv[0], 'Title,Date,URL,Description,Type,Reach');
      const description = csv[1].split(',')[3];
      assert.ok([...description].length <= 1000, `${[...description].length} characters`);
      assert.ok(description.endsWith('…'));
      assert.equal(
        csv[2],
        'OpenTelemetry pipelines,2026-08-10,https://example.com/otel,"How to build collector pipelines. Impact: 1,500 page views, 40 reactions.",Blog post,1500',
      );
    });

    it('keeps a spreadsheet from running text as a formula', () => {
      const sneaky = of('notes/s.md', 'kind: blog\ntitle: "=HYPERLINK(1)"\nstatus: published\npublish_date: 2026-08-01');
      assert.match(reportCsv(build([sneaky]), 'recognition'), /\r\n'=HYPERLINK\(1\),/);
    });

    it('writes Markdown with every section and SVG charts beside it', () => {
      const files = reportFiles(report, 'markdown', 'q3.md');
      assert.deepEqual(
        files.map((f) => f.name),
        ['q3.md', 'q3-totals.svg', 'q3-reach.svg'],
      );
      const markdown = files[0].text;
      for (const heading of [
        '# Impact report: 2026 Q3',
        '## Totals',
        '## By kind',
        '## Pieces of work',
        '## Talks given',
        '## Posts published',
        '## Open-source contributions merged',
        '## Product feedback',
        '## Quality',
      ]) {
        assert.ok(markdown.includes(`\n${heading}\n`) || markdown.startsWith(`${heading}\n`), heading);
      }
      assert.match(markdown, /\| Views \| 1,500 \| 500 \| \+200% \|/);
      assert.match(markdown, /!\[Impact per metric in 2026 Q3, compared with 2026 Q2\]\(\.\/q3-totals\.svg\)/);
      assert.match(markdown, /2 of 3 accepted \(67%\)/);
      assert.match(markdown, /The median piece took 40 days from idea to done/);
      assert.match(files[1].text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(files[1].text, /<title>Views: 1,500<\/title>/);
      assert.doesNotMatch(files[1].text, /<script|<style/);
    });

    it('escapes table cells and chart text', () => {
      const odd = of('notes/odd.md', 'kind: blog\ntitle: "A | B <c> & d"\nstatus: published\npublish_date: 2026-08-01\nimpact:\n  - { date: 2026-08-02, metric: views, value: 5 }');
      const files = reportFiles(build([odd]), 'markdown', 'r.md');
      assert.match(files[0].text, /\| A \\\| B <c> & d \|/);
      assert.match(files[2].text, /A \| B &lt;c&gt; &amp; d/);
      assert.equal(reportMarkdown(build([odd])).includes('!['), false, 'no chart names, no images');
    });

    it('names files after the period and refuses unknown formats and presets', () => {
      assert.equal(defaultReportFileName(report, 'markdown'), 'impact-2026-Q3.md');
      assert.equal(defaultReportFileName(report, 'csv', 'recognition'), 'impact-2026-Q3-recognition.csv');
      const drafts = [publishedPost];
      const context = { today: '2026-11-02', kinds: BUILT_IN_KINDS };
      const generated = generateReport(drafts, {}, context);
      assert.ok(generated.ok);
      assert.equal(generated.fileName, 'impact-2026-Q3.md');
      const badFormat = generateReport(drafts, { format: 'pdf' }, context);
      assert.ok(!badFormat.ok && /"pdf" is not a report format/.test(badFormat.problems[0].message));
      const badPreset = generateReport(drafts, { format: 'markdown', preset: 'recognition' }, context);
      assert.ok(!badPreset.ok && /CSV preset/.test(badPreset.problems[0].message));
    });

    it('shows reach by platform from entries that carry a source, in Markdown and JSON', () => {
      const crossPosted = post(
        'xpost',
        `title: Cross-posted
status: published
publish_date: 2026-08-01
devto_id: 12
impact:
  - { date: 2026-08-20, metric: views, value: 900, source: devto }
  - { date: 2026-08-20, metric: reactions, value: 12, source: devto }
  - { date: 2026-08-21, metric: views, value: 80, source: hashnode }
  - { date: 2026-08-22, metric: views, value: 30, source: medium }
  - { date: 2026-05-20, metric: views, value: 999, source: devto }
  - { date: 2026-08-23, metric: views, value: 5 }`,
      );
      const second = post('second', 'title: Second\nstatus: published\npublish_date: 2026-08-02\nimpact:\n  - { date: 2026-09-02, metric: views, value: 100, source: devto }');
      const withPlatforms = build([crossPosted, second, talk]);
      assert.deepEqual(withPlatforms.byPlatform, [
        { source: 'devto', label: 'dev.to', works: 2, reach: 1000, metrics: { views: 1000, reactions: 12 } },
        { source: 'hashnode', label: 'Hashnode', works: 1, reach: 80, metrics: { views: 80 } },
        { source: 'medium', label: 'medium', works: 1, reach: 30, metrics: { views: 30 } },
      ]);
      const markdown = reportMarkdown(withPlatforms);
      const section = markdown.slice(markdown.indexOf('## Reach by platform'), markdown.indexOf('## Pieces of work'));
      assert.equal(
        section,
        [
          '## Reach by platform',
          '',
          '| Platform | Pieces of work | Reach | Results |',
          '| --- | ---: | ---: | --- |',
          '| dev.to | 2 | 1,000 | 1,000 page views, 12 reactions |',
          '| Hashnode | 1 | 80 | 80 page views |',
          '| medium | 1 | 30 | 30 page views |',
          '',
          'From impact entries with a `source`, such as the figures Sync Reach records; they are also in the totals above.',
          '',
          '',
        ].join('\n'),
      );
      assert.ok(markdown.indexOf('## By kind') < markdown.indexOf('## Reach by platform'));
      assert.deepEqual(JSON.parse(reportJson(withPlatforms)).byPlatform, withPlatforms.byPlatform);
      assert.equal(reportMarkdown(build([publishedPost])).includes('## Reach by platform'), false, 'no section without sources');
      assert.deepEqual(build([publishedPost]).byPlatform, []);
    });

    it('cuts text at a word boundary', () => {
      assert.equal(clip('short', 10), 'short');
      assert.equal(clip('one two three four five', 16), 'one two three…');
      assert.equal(clip('abcdefghijkl', 6), 'abcde…');
    });
  });
});
