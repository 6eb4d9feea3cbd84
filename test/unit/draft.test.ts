import assert from 'node:assert/strict';
import { analyzeDraft, bodyOf, isMarkdownPath, kindForFolder, parseDraft, readDraft } from '../../src/core/draft';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { resolveKinds } from '../../src/core/kinds/resolve';
import { draftOf, expectDraft, expectSkipped, LISTING, makeConfig, onlyProblem, problemCodes, range, readDraftOf, source, tomlDoc, utf8, yamlDoc } from './helpers';

describe('draft', () => {
  describe('isMarkdownPath', () => {
    it('accepts .md, .markdown and .mdx in any case', () => {
      for (const path of ['a.md', 'dir/a.markdown', 'a.mdx', 'A.MD', 'x/y/z.Markdown']) assert.equal(isMarkdownPath(path), true, path);
    });

    it('refuses everything else', () => {
      for (const path of ['a.txt', 'a.md.bak', 'README', 'a.mdown', 'md', 'a.html', 'a.md/']) assert.equal(isMarkdownPath(path), false, path);
    });
  });

  describe('what counts as a draft', () => {
    it('tracks markdown with a known kind in front matter', () => {
      for (const path of ['notes/a.md', 'notes/a.markdown', 'notes/a.mdx']) {
        const draft = draftOf(yamlDoc(['kind: talk']), { path });
        assert.equal(draft.kind, 'talk');
        assert.equal(draft.kindSource, 'front-matter');
        assert.equal(draft.uri, `file:///ws/${path}`);
        assert.equal(draft.relativePath, path);
      }
    });

    it('skips files that are not markdown, even with a kind', () => {
      const skipped = expectSkipped(readDraft(source('notes/a.txt'), utf8(yamlDoc(['kind: blog'])), makeConfig(), LISTING));
      assert.deepEqual(skipped, { uri: 'file:///ws/notes/a.txt', reason: 'not-markdown', message: 'Skipped: not a Markdown file.' });
    });

    it('skips markdown with no kind and no folder mapping as not a draft', () => {
      for (const text of ['# Just notes\n', yamlDoc(['title: Notes']), '', tomlDoc(['title = "x"'])]) {
        const skipped = expectSkipped(parseDraft(source('notes/readme.md'), text, makeConfig(), LISTING));
        assert.deepEqual(skipped, {
          uri: 'file:///ws/notes/readme.md',
          reason: 'not-a-draft',
          message: 'Not a draft: no known kind in front matter or folder mapping.',
        });
      }
    });

    it('tracks files in a mapped folder without any front matter, at any depth', () => {
      for (const path of ['content/posts/hello.md', 'content/posts/2024/01/hello.md']) {
        const draft = draftOf('# Hello\n\nText.\n', { path });
        assert.equal(draft.kind, 'blog');
        assert.equal(draft.kindSource, 'folder');
        assert.deepEqual(draft.problems, []);
      }
    });

    it('does not map a folder that only shares a prefix', () => {
      for (const path of ['content/postscript/a.md', 'content/a.md', 'posts/a.md', 'other/content/posts/a.md']) {
        assert.equal('skipped' in parseDraft(source(path), '# A\n', makeConfig(), LISTING), true, path);
      }
    });

    it('lets the front-matter kind win over the folder', () => {
      const draft = draftOf(yamlDoc(['kind: workshop']), { path: 'content/posts/a.md' });
      assert.equal(draft.kind, 'workshop');
      assert.equal(draft.kindSource, 'front-matter');
      assert.deepEqual(draft.problems, []);
    });

    it('tracks a draft with an unknown kind, with a problem listing the valid kinds', () => {
      const text = yamlDoc(['title: Pod', 'kind: podcast']);
      const draft = draftOf(text);
      assert.equal(draft.kind, 'podcast');
      assert.equal(draft.kindSource, 'front-matter');
      assert.equal(draft.status, 'idea');
      assert.deepEqual(draft.problems, [
        {
          code: 'unknown-kind',
          severity: 'error',
          message: 'Unknown kind "podcast". Use one of: blog, talk, oss, workshop, trip-report, hackathon.',
          field: 'kind',
          value: 'podcast',
          validValues: ['blog', 'talk', 'oss', 'workshop', 'trip-report', 'hackathon'],
          range: range(2, 6, 13),
        },
      ]);
    });

    it('uses the folder’s kind when the written kind is unknown, and still reports it', () => {
      const draft = draftOf(yamlDoc(['kind: blgo']), { path: 'content/posts/a.md' });
      assert.equal(draft.kind, 'blog');
      assert.equal(draft.kindSource, 'folder');
      assert.deepEqual(
        draft.problems.map((p) => [p.code, p.value, p.range]),
        [['unknown-kind', 'blgo', range(1, 6, 10)]],
      );
    });

    it('trims a written kind', () => {
      assert.equal(draftOf(yamlDoc(['kind: "  oss "'])).kind, 'oss');
    });

    it('knows kinds added in settings', () => {
      const config = makeConfig({ kinds: resolveKinds({ podcast: { statuses: ['idea', 'recorded', 'aired'] } }).kinds });
      const draft = draftOf(yamlDoc(['kind: podcast', 'status: recorded']), { config });
      assert.equal(draft.kind, 'podcast');
      assert.deepEqual(draft.problems, []);
      const unknown = draftOf(yamlDoc(['kind: podcast']));
      assert.deepEqual(problemCodes(unknown), ['unknown-kind']);
    });
  });

  describe('kindForFolder', () => {
    it('lets the deepest mapping win, whatever the order', () => {
      const mappings = [
        { folder: 'content', kind: 'oss' },
        { folder: 'content/posts', kind: 'blog' },
        { folder: 'content/posts/talks', kind: 'talk' },
      ];
      for (const folderKinds of [mappings, [...mappings].reverse()]) {
        const config = makeConfig({ folderKinds });
        assert.equal(kindForFolder('content/posts/talks/a.md', config), 'talk');
        assert.equal(kindForFolder('content/posts/talks/2024/a.md', config), 'talk');
        assert.equal(kindForFolder('content/posts/a.md', config), 'blog');
        assert.equal(kindForFolder('content/about.md', config), 'oss');
        assert.equal(kindForFolder('README.md', config), undefined);
      }
    });

    it('normalises folder spellings', () => {
      for (const folder of ['content/posts/', './content/posts', '/content/posts', 'content\\posts', './content/posts//']) {
        assert.equal(kindForFolder('content/posts/a.md', makeConfig({ folderKinds: [{ folder, kind: 'blog' }] })), 'blog', folder);
      }
    });

    it('maps the whole workspace with an empty folder', () => {
      assert.equal(kindForFolder('a.md', makeConfig({ folderKinds: [{ folder: '', kind: 'blog' }] })), 'blog');
      assert.equal(kindForFolder('x/y/a.md', makeConfig({ folderKinds: [{ folder: '.', kind: 'blog' }] })), undefined, '"." is not stripped to the root');
    });

    it('ignores mappings to unknown kinds, falling back to a shallower one', () => {
      const config = makeConfig({
        folderKinds: [
          { folder: 'content', kind: 'blog' },
          { folder: 'content/casts', kind: 'podcast' },
        ],
      });
      assert.equal(kindForFolder('content/casts/a.md', config), 'blog');
    });
  });

  describe('status', () => {
    it('reads a known status from front matter', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'status: accepted']));
      assert.equal(draft.status, 'accepted');
      assert.equal(draft.statusSource, 'front-matter');
      assert.deepEqual(draft.problems, []);
    });

    it('reports an unknown status with the kind’s statuses and the value’s range', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'title: T', 'status: acepted  # typo']));
      assert.equal(draft.status, 'acepted');
      assert.deepEqual(draft.problems, [
        {
          code: 'unknown-status',
          severity: 'error',
          message: 'Unknown status "acepted" for a talk. Use one of: idea, drafting, submitted, accepted, rejected, rehearsing, delivered.',
          field: 'status',
          value: 'acepted',
          validValues: ['idea', 'drafting', 'submitted', 'accepted', 'rejected', 'rehearsing', 'delivered'],
          range: range(3, 8, 15),
        },
      ]);
    });

    it('does not check statuses of an unknown kind', () => {
      assert.deepEqual(problemCodes(draftOf(yamlDoc(['kind: podcast', 'status: whatever']))), ['unknown-kind']);
    });

    it('starts a front-matter draft with no status at its kind’s first status', () => {
      const expected: Record<string, string> = { blog: 'idea', talk: 'idea', oss: 'todo', workshop: 'idea', 'trip-report': 'drafting' };
      for (const [kind, status] of Object.entries(expected)) {
        const draft = draftOf(yamlDoc([`kind: ${kind}`]));
        assert.equal(draft.status, status, kind);
        assert.equal(draft.statusSource, 'default');
      }
      assert.equal(draftOf(yamlDoc(['kind: blog', 'status: ""'])).status, 'idea', 'a blank status is no status');
    });

    it('treats a folder-mapped post with no status and no flags as published', () => {
      const post = draftOf('# Old post\n', { path: 'content/posts/old.md' });
      assert.equal(post.status, 'published');
      assert.equal(post.statusSource, 'default');
      const talk = draftOf(yamlDoc(['title: T']), { path: 'content/talks/t.md' });
      assert.equal(talk.status, 'delivered', 'a finished talk is delivered, not the side status rejected');
    });

    it('derives status from Hugo/Astro draft: true/false', () => {
      const drafting = draftOf(yamlDoc(['draft: true']), { path: 'content/posts/a.md' });
      assert.deepEqual([drafting.status, drafting.statusSource], ['drafting', 'draft-flag']);
      const done = draftOf(yamlDoc(['draft: false']), { path: 'content/posts/a.md' });
      assert.deepEqual([done.status, done.statusSource], ['published', 'draft-flag']);
      assert.equal(draftOf(yamlDoc(['kind: blog', 'draft: "true"'])).status, 'drafting');
      assert.equal(draftOf(tomlDoc(['draft = true']), { path: 'content/posts/a.md' }).status, 'drafting');
    });

    it('derives status from Jekyll/dev.to published: true/false', () => {
      const unpublished = draftOf(yamlDoc(['published: false']), { path: 'content/posts/a.md' });
      assert.deepEqual([unpublished.status, unpublished.statusSource], ['drafting', 'published-flag']);
      const published = draftOf(yamlDoc(['kind: blog', 'published: true']));
      assert.deepEqual([published.status, published.statusSource], ['published', 'published-flag']);
      assert.equal(draftOf(yamlDoc(['kind: blog', 'published: "false"'])).status, 'drafting');
    });

    it('maps flags onto each kind’s workflow', () => {
      assert.equal(draftOf(yamlDoc(['kind: talk', 'draft: false'])).status, 'delivered');
      assert.equal(draftOf(yamlDoc(['kind: talk', 'draft: true'])).status, 'drafting');
      assert.equal(draftOf(yamlDoc(['kind: oss', 'draft: true'])).status, 'todo', 'oss has no drafting step');
      assert.equal(draftOf(yamlDoc(['kind: oss', 'published: true'])).status, 'merged');
      assert.equal(draftOf(yamlDoc(['kind: trip-report', 'draft: false'])).status, 'shared');
    });

    it('prefers an explicit status, then draft, then published', () => {
      const explicit = draftOf(yamlDoc(['kind: blog', 'status: review', 'draft: true', 'published: true']));
      assert.deepEqual([explicit.status, explicit.statusSource], ['review', 'front-matter']);
      const both = draftOf(yamlDoc(['kind: blog', 'draft: true', 'published: true']));
      assert.deepEqual([both.status, both.statusSource], ['drafting', 'draft-flag']);
    });

    it('ignores flags that are not booleans', () => {
      const draft = draftOf(yamlDoc(['kind: blog', 'draft: maybe', 'published: 1']));
      assert.deepEqual([draft.status, draft.statusSource], ['idea', 'default']);
    });
  });

  describe('dates', () => {
    it('reads a blog post’s publish date and due date', () => {
      const draft = draftOf(yamlDoc(['kind: blog', 'publish_date: 2026-03-07', 'due: "2026-03-01"']));
      assert.deepEqual(draft.dates, [
        { field: 'publish_date', label: 'Publish', date: '2026-03-07', deadline: true },
        { field: 'due', label: 'Due', date: '2026-03-01', deadline: true },
      ]);
      assert.deepEqual(draft.problems, []);
    });

    it('falls back to Hugo’s date for the publish date, preferring publish_date', () => {
      const hugo = draftOf(yamlDoc(['title: Old', 'date: 2019-05-04T10:00:00+02:00']), { path: 'content/posts/a.md' });
      assert.deepEqual(hugo.dates, [{ field: 'date', label: 'Publish', date: '2019-05-04', deadline: true }]);
      const both = draftOf(yamlDoc(['kind: blog', 'date: 2019-05-04', 'publish_date: 2026-01-02']));
      assert.deepEqual(
        both.dates.map((d) => [d.field, d.date]),
        [['publish_date', '2026-01-02']],
      );
      const blank = draftOf(yamlDoc(['kind: blog', 'publish_date: ""', 'date: 2019-05-04']));
      assert.deepEqual(
        blank.dates.map((d) => d.field),
        ['date'],
        'an empty publish_date falls back',
      );
    });

    it('reads a talk’s CFP deadline, event date and due date in that order', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'due: 2026-01-15', 'event_date: 2026-06-10', 'cfp_deadline: 2026-02-01']));
      assert.deepEqual(draft.dates, [
        { field: 'cfp_deadline', label: 'CFP closes', date: '2026-02-01', deadline: true },
        { field: 'event_date', label: 'Event', date: '2026-06-10', deadline: true },
        { field: 'due', label: 'Due', date: '2026-01-15', deadline: true },
      ]);
    });

    it('reads only the dates a kind knows', () => {
      const oss = draftOf(yamlDoc(['kind: oss', 'event_date: 2026-06-10', 'due: 2026-01-15']));
      assert.deepEqual(
        oss.dates.map((d) => d.field),
        ['due'],
      );
      const workshop = draftOf(yamlDoc(['kind: workshop', 'event_date: 2026-06-10', 'cfp_deadline: 2026-02-01']));
      assert.deepEqual(
        workshop.dates.map((d) => d.field),
        ['event_date'],
      );
      const trip = draftOf(yamlDoc(['kind: trip-report', 'event_date: 2026-06-10']));
      assert.deepEqual(
        trip.dates.map((d) => [d.label, d.date]),
        [['Event', '2026-06-10']],
      );
    });

    it('accepts unquoted and quoted dates and timestamps alike', () => {
      for (const value of ['2026-03-07', '"2026-03-07"', "'2026-03-07'", '2026-03-07T09:30:00Z', '"2026-03-07T23:30:00-05:00"', '2026-03-07T01:00:00+05:00']) {
        const draft = draftOf(yamlDoc(['kind: oss', `due: ${value}`]));
        assert.deepEqual(draft.problems, [], value);
        assert.equal(draft.dates[0]?.date, '2026-03-07', value);
      }
    });

    it('reads TOML dates, bare and quoted', () => {
      const draft = draftOf(tomlDoc(['kind = "talk"', 'cfp_deadline = 2026-02-01', 'event_date = 2026-06-10T09:00:00-07:00', 'due = "2026-01-15"']));
      assert.deepEqual(
        draft.dates.map((d) => [d.field, d.date]),
        [
          ['cfp_deadline', '2026-02-01'],
          ['event_date', '2026-06-10'],
          ['due', '2026-01-15'],
        ],
      );
      assert.deepEqual(draft.problems, []);
    });

    it('reports an impossible unquoted date on its value', () => {
      const draft = draftOf(yamlDoc(['kind: blog', 'title: T', 'publish_date: 2026-02-30']));
      assert.deepEqual(draft.dates, []);
      assert.deepEqual(draft.problems, [
        {
          code: 'invalid-date',
          severity: 'error',
          message: 'publish_date "2026-02-30" is not a real calendar date.',
          field: 'publish_date',
          value: '2026-02-30',
          range: range(3, 14, 24),
        },
      ]);
    });

    it('reports month 13 and words, quoted or not, with exact ranges', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'cfp_deadline: 2026-13-01', 'event_date: "next week"', 'due:   next week   # soon']));
      assert.deepEqual(draft.dates, []);
      assert.deepEqual(
        draft.problems.map((p) => [p.code, p.field, p.value, p.range]),
        [
          ['invalid-date', 'cfp_deadline', '2026-13-01', range(2, 14, 24)],
          ['invalid-date', 'event_date', 'next week', range(3, 12, 23)],
          ['invalid-date', 'due', 'next week', range(4, 7, 16)],
        ],
      );
      assert.equal(draft.problems[2].message, 'due "next week" is not a date: use YYYY-MM-DD.');
    });

    it('reports an impossible quoted date the same way as an unquoted one, even on the alias path', () => {
      // A `*` in the title sends the block through the `yaml` parser instead of js-yaml.
      for (const title of ['Plain', '"*Bold* claims"']) {
        const draft = draftOf(yamlDoc(['kind: blog', `title: ${title}`, 'publish_date: 2026-02-30', "due: '2026-04-31'"]));
        assert.deepEqual(
          draft.problems.map((p) => [p.code, p.field, p.range]),
          [
            ['invalid-date', 'publish_date', range(3, 14, 24)],
            ['invalid-date', 'due', range(4, 5, 17)],
          ],
          title,
        );
      }
    });

    it('reports a date that is not text or a date, without a value', () => {
      const draft = draftOf(yamlDoc(['kind: oss', 'due: 20260307']));
      const problem = onlyProblem(draft, 'invalid-date');
      assert.equal(problem.message, 'due must be a date written as YYYY-MM-DD.');
      assert.equal(problem.value, undefined);
      assert.deepEqual(problem.range, range(2, 5, 13));
    });

    it('reports invalid TOML dates on their value', () => {
      const draft = draftOf(tomlDoc(['kind = "talk"', 'cfp_deadline = "2026-02-30"', 'event_date = 10:00:00', 'due = 2026-04-31 # bare']));
      assert.deepEqual(
        draft.problems.map((p) => [p.code, p.field, p.value, p.range]),
        [
          ['invalid-date', 'cfp_deadline', '2026-02-30', range(2, 15, 27)],
          ['invalid-date', 'event_date', undefined, range(3, 13, 21)],
          // smol-toml would roll this over to May 1; the text as written is checked instead.
          ['invalid-date', 'due', '2026-04-31', range(4, 6, 16)],
        ],
      );
      assert.equal(draft.problems[2].message, 'due "2026-04-31" is not a real calendar date.');
      assert.deepEqual(draft.dates, []);
    });

    it('reports an impossible bare TOML date-time too, and rejects month 13 as TOML syntax', () => {
      const draft = draftOf(tomlDoc(['kind = "oss"', 'due = 2026-02-30T10:00:00Z']));
      assert.deepEqual(
        draft.problems.map((p) => [p.code, p.range]),
        [['invalid-date', range(2, 6, 26)]],
      );
      assert.deepEqual(problemCodes(draftOf(tomlDoc(['kind = "oss"', 'due = 2026-13-01']))), ['toml-syntax']);
    });

    it('places date problems correctly in CRLF and BOM files', () => {
      const crlf = draftOf('---\r\nkind: oss\r\ndue: 2026-02-30\r\n---\r\n# T\r\n');
      assert.deepEqual(onlyProblem(crlf, 'invalid-date').range, range(2, 5, 15));
      const bom = draftOf('\uFEFF---\nkind: oss\ndue: 2026-02-30\n---\n');
      assert.deepEqual(onlyProblem(bom, 'invalid-date').range, range(2, 5, 15));
    });

    it('ignores empty and null dates', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'cfp_deadline:', 'event_date: ""', 'due: ~']));
      assert.deepEqual(draft.dates, []);
      assert.deepEqual(draft.problems, []);
    });

    it('uses date fields defined in settings', () => {
      const config = makeConfig({ kinds: resolveKinds({ podcast: { statuses: ['idea', 'aired'], dateFields: [{ field: 'air_date', label: 'Airs', deadline: false }] } }).kinds });
      const draft = draftOf(yamlDoc(['kind: podcast', 'air_date: 2026-09-01', 'due: 2026-08-01']), { config });
      assert.deepEqual(draft.dates, [{ field: 'air_date', label: 'Airs', date: '2026-09-01', deadline: false }]);
    });
  });

  describe('talk checks', () => {
    const abstract = (length: number): string => 'a'.repeat(length);

    it('accepts an abstract at the budget and warns one character over', () => {
      assert.deepEqual(draftOf(yamlDoc(['kind: talk', `abstract: ${abstract(900)}`])).problems, []);
      const draft = draftOf(yamlDoc(['kind: talk', 'title: T', `abstract: ${abstract(901)}`]));
      assert.deepEqual(draft.problems, [
        {
          code: 'abstract-too-long',
          severity: 'warning',
          message: 'The abstract is 901 characters; the budget is 900. Cut 1 to fit most CFP forms.',
          field: 'abstract',
          range: range(3, 10, 911),
        },
      ]);
    });

    it('measures the abstract without surrounding whitespace', () => {
      assert.deepEqual(draftOf(yamlDoc(['kind: talk', `abstract: "  ${abstract(900)}  "`])).problems, []);
    });

    it('takes the budget from config', () => {
      const config = makeConfig({ abstractMaxChars: 100 });
      const draft = draftOf(yamlDoc(['kind: talk', 'abstract: >-', `  ${abstract(60)}`, `  ${abstract(60)}`]), { config });
      const problem = onlyProblem(draft, 'abstract-too-long');
      assert.equal(problem.message, 'The abstract is 121 characters; the budget is 100. Cut 21 to fit most CFP forms.');
      assert.deepEqual(problem.range, range(2, 10, 12), 'a block scalar is pointed at by its indicator');
      assert.deepEqual(draftOf(yamlDoc(['kind: talk', `abstract: ${abstract(100)}`]), { config }).problems, []);
    });

    it('checks abstracts on talks only', () => {
      assert.deepEqual(draftOf(yamlDoc(['kind: blog', `abstract: ${abstract(2000)}`])).problems, []);
      assert.deepEqual(draftOf(yamlDoc([`abstract: ${abstract(2000)}`]), { path: 'content/talks/a.md' }).problems.length, 1);
    });

    it('reads duration in minutes', () => {
      for (const [value, minutes] of [
        ['30', 30],
        ['"45"', 45],
        ['"45 min"', 45],
        ['25m', 25],
        ['"12.5 minutes"', 12.5],
        ['40 mins', 40],
      ] as const) {
        const draft = draftOf(yamlDoc(['kind: talk', `duration: ${value}`]));
        assert.equal(draft.duration, minutes, value);
        assert.deepEqual(draft.problems, [], value);
      }
      assert.equal(draftOf(tomlDoc(['kind = "talk"', 'duration = 20'])).duration, 20);
    });

    it('warns about a duration that is not a positive number of minutes', () => {
      for (const value of ['half an hour', '0', '-5', '"1h"', '[30]']) {
        const draft = draftOf(yamlDoc(['kind: talk', `duration: ${value}`]));
        assert.equal(draft.duration, undefined, value);
        const problem = onlyProblem(draft, 'invalid-duration');
        assert.equal(problem.severity, 'warning');
        assert.deepEqual(problem.range, range(2, 10, 10 + value.length), value);
      }
    });

    it('stays fast on a duration with a long run of spaces', () => {
      const started = Date.now();
      const draft = draftOf(yamlDoc(['kind: talk', `duration: "5${' '.repeat(60_000)}x"`]));
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
      assert.deepEqual(problemCodes(draft), ['invalid-duration']);
    });

    it('warns when timed sections add up to more than the duration, on the section that crosses it (analysis)', () => {
      const text = yamlDoc(['kind: talk', 'duration: 20'], '# My talk\n\n## Intro (5 min)\n\nHi.\n\n## Demo (10 min)\n\n## Q&A (10 min)\n');
      const listed = draftOf(text);
      assert.deepEqual(listed.problems, [], 'the listing pass does not time sections');
      assert.equal(listed.analysis, undefined);
      const analysed = draftOf(text, { analyze: true });
      assert.deepEqual(analysed.problems, [
        {
          code: 'talk-over-duration',
          severity: 'warning',
          message: 'The sections add up to 25 min, over the 20 min slot. Trim 5 min.',
          field: 'duration',
          range: range(12, 0, 15),
        },
      ]);
      assert.equal(analysed.analysis?.talk?.plannedMinutes, 25);
    });

    it('does not warn when sections fit, or without a duration, or for other kinds', () => {
      const body = '## Intro (5 min)\n\n## Demo (10 min)\n';
      assert.deepEqual(draftOf(yamlDoc(['kind: talk', 'duration: 15'], body), { analyze: true }).problems, []);
      assert.deepEqual(draftOf(yamlDoc(['kind: talk'], body), { analyze: true }).problems, []);
      assert.deepEqual(draftOf(yamlDoc(['kind: workshop', 'duration: 5'], body), { analyze: true }).problems, []);
    });
  });

  describe('title', () => {
    it('uses the front-matter title, trimmed', () => {
      assert.equal(draftOf(yamlDoc(['kind: blog', 'title: "  Shipping it  "'], '# Heading\n')).title, 'Shipping it');
      assert.equal(draftOf(tomlDoc(['kind = "blog"', 'title = "From TOML"'])).title, 'From TOML');
    });

    it('falls back to the first H1 of the body', () => {
      assert.equal(draftOf(yamlDoc(['kind: blog'], 'Intro\n\n## Not this\n\n# The Title ##\n\n# Second\n')).title, 'The Title');
      assert.equal(draftOf(yamlDoc(['kind: blog', 'title: "   "'], '# From heading\n')).title, 'From heading');
      assert.equal(draftOf('   #   Indented   \n', { path: 'content/posts/a.md' }).title, 'Indented');
      assert.equal(draftOf('# C#\n', { path: 'content/posts/a.md' }).title, 'C#', 'a # that is not a closing sequence stays');
      assert.equal(draftOf('# Title #  \r\nbody\r\n', { path: 'content/posts/a.md' }).title, 'Title');
    });

    it('skips H1s inside fenced code and things that are not H1s', () => {
      const body = ['```bash', '# install it', '```', '~~~', '# also code', '~~~', '    # indented code', '#hashtag', '## H2', '# Real title'].join('\n');
      assert.equal(draftOf(yamlDoc(['kind: blog'], body)).title, 'Real title');
      const nested = ['````md', '```', '# inside', '```', '````', '# After'].join('\n');
      assert.equal(draftOf(yamlDoc(['kind: blog'], nested)).title, 'After');
      assert.equal(draftOf(yamlDoc(['kind: blog'], '~~~\n```\n# inside\n~~~\n# Out\n')).title, 'Out', 'a ``` line does not close a ~~~ fence');
    });

    it('does not read YAML comments in front matter as a heading', () => {
      assert.equal(draftOf(yamlDoc(['# a comment', 'kind: blog'], 'no heading here\n'), { path: 'drafts/my-post.md' }).title, 'my-post');
    });

    it('falls back to the file name without its extension', () => {
      assert.equal(draftOf(yamlDoc(['kind: blog']), { path: 'drafts/2026/my-first-post.mdx' }).title, 'my-first-post');
      assert.equal(draftOf('', { path: 'content/posts/empty.markdown' }).title, 'empty');
      assert.equal(draftOf(yamlDoc(['kind: blog'], '```\n# in code\n')).title, 'post', 'an unclosed fence hides the rest');
    });

    it('stays fast on a heading with a long run of spaces', () => {
      const started = Date.now();
      const draft = draftOf(yamlDoc(['kind: blog'], `# x${' '.repeat(200_000)}y\n`));
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
      assert.equal(draft.title.length, 200_002);
    });
  });

  describe('tags, fields and format', () => {
    it('reads tags from a list or a comma-separated string', () => {
      assert.deepEqual(draftOf(yamlDoc(['kind: blog', 'tags: [typescript, " vscode ", 2026, "", {a: 1}]'])).tags, ['typescript', 'vscode', '2026']);
      assert.deepEqual(draftOf(yamlDoc(['kind: blog', 'tags: "a, b,, c "'])).tags, ['a', 'b', 'c']);
      assert.deepEqual(draftOf(yamlDoc(['kind: blog', 'tags: 5'])).tags, []);
      assert.deepEqual(draftOf(yamlDoc(['kind: blog'])).tags, []);
    });

    it('keeps other top-level scalars as fields and drops structures', () => {
      const draft = draftOf(
        yamlDoc([
          'kind: talk',
          'title: T',
          'status: idea',
          'event: JSConf',
          'duration: 30',
          'remote: false',
          'speakers: [a, b]',
          'venue: {city: Lyon}',
          'due: 2026-03-07',
          'nothing: ~',
          'seats: 120',
          'abstract: short',
        ]),
      );
      assert.deepEqual(draft.fields, { event: 'JSConf', remote: false, seats: 120 });
    });

    it('leaves out fields read elsewhere, the kind’s dates and long texts', () => {
      const draft = draftOf(
        yamlDoc([
          'kind: blog',
          'tags: [a]',
          'date: 2026-01-01',
          'publish_date: 2026-01-02',
          'event_date: 2026-06-10',
          `description: ${'d'.repeat(200)}`,
          `notes: ${'n'.repeat(201)}`,
        ]),
      );
      assert.deepEqual(draft.fields, { event_date: '2026-06-10', description: 'd'.repeat(200) }, 'event_date is not a blog date, so it is an ordinary field');
    });

    it('keeps TOML dates that are not the kind’s as text in fields', () => {
      const draft = draftOf(tomlDoc(['kind = "blog"', 'event_date = 2026-06-10', 'lastmod = 2026-06-11T10:00:00Z', 'event = "GopherCon"']));
      assert.deepEqual({ ...draft.fields }, { event_date: '2026-06-10', lastmod: '2026-06-11T10:00:00.000Z', event: 'GopherCon' });
    });

    it('records the front-matter format', () => {
      assert.equal(draftOf(yamlDoc(['kind: blog'])).frontMatterFormat, 'yaml');
      assert.equal(draftOf(tomlDoc(['kind = "blog"'])).frontMatterFormat, 'toml');
      assert.equal(draftOf('# T\n', { path: 'content/posts/a.md' }).frontMatterFormat, undefined);
    });

    it('gives a complete draft for a typical Hugo post', () => {
      const text = tomlDoc(['title = "Hello Hugo"', 'date = 2024-01-02T10:00:00Z', 'draft = false', 'tags = ["go", "hugo"]'], '# Ignored\n\nBody.\n');
      const draft = draftOf(text, { path: 'content/posts/hello.md' });
      assert.deepEqual(
        { ...draft, fields: { ...draft.fields } },
        {
          uri: 'file:///ws/content/posts/hello.md',
          relativePath: 'content/posts/hello.md',
          kind: 'blog',
          kindSource: 'folder',
          title: 'Hello Hugo',
          status: 'published',
          statusSource: 'draft-flag',
          dates: [{ field: 'date', label: 'Publish', date: '2024-01-02', deadline: true }],
          tags: ['go', 'hugo'],
          duration: undefined,
          fields: { draft: false },
          frontMatterFormat: 'toml',
          problems: [],
        },
      );
    });
  });

  describe('analysis pass', () => {
    it('is left out of the listing pass and filled in when asked', () => {
      const text = yamlDoc(['kind: blog', 'title: T'], '# Heading\n\nSome words here.\n\n- [x] one\n- [ ] two\n');
      assert.equal(draftOf(text).analysis, undefined);
      const analysis = draftOf(text, { analyze: true }).analysis;
      assert.ok(analysis);
      assert.deepEqual(analysis.checklist, { done: 1, total: 2 });
      assert.ok(analysis.words >= 3);
      assert.equal('headings' in analysis, false, 'headings are not kept in the index');
    });

    it('analyzeDraft fills in the draft it is given', () => {
      const draft = draftOf(yamlDoc(['kind: talk', 'duration: 1'], '## Demo (10 min)\n'));
      const { body, bodyStartLine } = bodyOf(yamlDoc(['kind: talk', 'duration: 1'], '## Demo (10 min)\n'));
      const same = analyzeDraft(draft, body, bodyStartLine, makeConfig());
      assert.equal(same, draft);
      assert.deepEqual(draft.analysis?.talk?.sections, [{ title: 'Demo', minutes: 10, line: 4 }]);
      assert.deepEqual(problemCodes(draft), ['talk-over-duration']);
      assert.deepEqual(draft.problems[0].range, range(4, 0, 16), 'the whole heading, not one character');
    });
  });

  describe('bodyOf', () => {
    it('splits off closed front matter', () => {
      assert.deepEqual(bodyOf('---\nkind: blog\n---\n# T\n'), { body: '# T\n', bodyStartLine: 3 });
      assert.deepEqual(bodyOf('+++\r\nkind = "blog"\r\n+++\r\n# T'), { body: '# T', bodyStartLine: 3 });
    });

    it('keeps everything for unclosed or missing front matter', () => {
      assert.deepEqual(bodyOf('---\nkind: blog\n# T\n'), { body: '---\nkind: blog\n# T\n', bodyStartLine: 0 });
      assert.deepEqual(bodyOf('# T\n'), { body: '# T\n', bodyStartLine: 0 });
      assert.deepEqual(bodyOf('\uFEFF# T\n'), { body: '# T\n', bodyStartLine: 0 });
    });
  });

  describe('readDraft', () => {
    it('decodes bytes and reads them into a draft', () => {
      const draft = readDraftOf(utf8(yamlDoc(['kind: blog', 'title: Bytes'])));
      assert.equal(draft.title, 'Bytes');
    });

    it('passes on why bytes are not a draft', () => {
      const config = makeConfig({ maxFileBytes: 10 });
      assert.equal(expectSkipped(readDraft(source(), utf8('x'.repeat(11)), config, LISTING)).reason, 'too-large');
      assert.equal(expectSkipped(readDraft(source(), new Uint8Array([0x23, 0]), makeConfig(), LISTING)).reason, 'binary');
      assert.equal(expectSkipped(readDraft(source(), new Uint8Array([0xff, 0xfe]), makeConfig(), LISTING)).reason, 'invalid-utf8');
    });

    it('parseDraft refuses text longer than the limit too', () => {
      const skipped = expectSkipped(parseDraft(source(), yamlDoc(['kind: blog'], 'x'.repeat(50)), makeConfig({ maxFileBytes: 40 }), LISTING));
      assert.equal(skipped.reason, 'too-large');
    });

    it('gives the same draft from bytes as from text', () => {
      const text = yamlDoc(['kind: talk', 'status: submitted', 'cfp_deadline: 2026-02-01'], '# T\n');
      assert.deepEqual(readDraftOf(utf8(text)), expectDraft(parseDraft(source(), text, makeConfig(), LISTING)));
    });
  });

  it('built-in kinds are not changed by reading drafts', () => {
    const before = structuredClone(BUILT_IN_KINDS);
    draftOf(yamlDoc(['kind: talk', 'status: bogus']));
    assert.deepEqual(structuredClone(BUILT_IN_KINDS), before);
  });
});
