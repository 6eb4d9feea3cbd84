import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  calendarQuarter,
  demoAnchor,
  demoDate,
  demoReportPeriod,
  demoWeeks,
  shiftDemoFile,
  shiftIsoDate,
  shiftJsonDates,
  shiftTextDates,
  weeksSinceAnchor,
} from '../runner/demoDates';

const demo = path.join(__dirname, '..', 'fixtures', 'demo-workspace');

function demoFiles(): string[] {
  return (fs.readdirSync(demo, { recursive: true }) as string[]).map((name) => path.join(demo, name)).filter((file) => fs.statSync(file).isFile());
}

function allIsoDates(text: string): string[] {
  return [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]);
}

describe('demo dates', () => {
  it('anchors on a Wednesday', () => {
    assert.equal(new Date(`${demoAnchor}T00:00:00Z`).getUTCDay(), 3);
  });

  it('counts whole weeks since the anchor, never fewer than 0', () => {
    assert.equal(weeksSinceAnchor(new Date(2026, 11, 2)), 0);
    assert.equal(weeksSinceAnchor(new Date(2026, 11, 8, 23, 59)), 0);
    assert.equal(weeksSinceAnchor(new Date(2026, 11, 9, 0, 1)), 1);
    assert.equal(weeksSinceAnchor(new Date(2027, 0, 13)), 6);
    assert.equal(weeksSinceAnchor(new Date(2028, 0, 12)), 58);
    assert.equal(weeksSinceAnchor(new Date(2026, 5, 1)), 0, 'a clock before the anchor does not move the demo back');
  });

  it('takes DEVREL_DEMO_WEEKS over the clock, negative too, and rejects anything else', () => {
    const today = new Date(2027, 0, 13);
    assert.equal(demoWeeks({}, today), 6);
    assert.equal(demoWeeks({ DEVREL_DEMO_WEEKS: '' }, today), 6);
    assert.equal(demoWeeks({ DEVREL_DEMO_WEEKS: '10' }, today), 10);
    assert.equal(demoWeeks({ DEVREL_DEMO_WEEKS: '-6' }, today), -6);
    assert.equal(demoWeeks({ DEVREL_DEMO_WEEKS: '0' }, today), 0);
    assert.throws(() => demoWeeks({ DEVREL_DEMO_WEEKS: '1.5' }, today), /whole number of weeks/);
    assert.throws(() => demoWeeks({ DEVREL_DEMO_WEEKS: 'soon' }, today), /whole number of weeks/);
  });

  it('moves a date across month and year ends and leap days, keeping the weekday', () => {
    assert.equal(shiftIsoDate('2026-12-30', 7), '2027-01-06');
    assert.equal(shiftIsoDate('2026-10-28', 7), '2026-11-04');
    assert.equal(shiftIsoDate('2028-02-26', 7), '2028-03-04');
    assert.equal(shiftIsoDate('2028-02-23', 7 * 1), '2028-03-01');
    assert.equal(shiftIsoDate('2027-01-06', -7), '2026-12-30');
    assert.equal(demoDate('2026-12-10', 10), '2027-02-18');
    assert.equal(demoDate('2026-12-10', 0), '2026-12-10');
    assert.equal(new Date(`${demoDate('2027-01-15', 23)}T00:00:00Z`).getUTCDay(), new Date('2027-01-15T00:00:00Z').getUTCDay());
    assert.equal(shiftIsoDate('2026-02-30', 7), '2026-02-30', 'not a date');
    assert.throws(() => demoDate('2026-13-01', 1));
  });

  it('moves dates in front matter (YAML and TOML) and body text, and date-times by their date', () => {
    const yaml = '---\ndue: 2026-12-30\nimpact:\n  - date: "2026-11-20"\nwhen: 2026-12-01T18:30:00+01:00\n---\n\nMet on 2026-12-31, see [notes](#2026-12-31).\n';
    assert.equal(
      shiftTextDates(yaml, 14),
      '---\ndue: 2027-01-13\nimpact:\n  - date: "2026-12-04"\nwhen: 2026-12-15T18:30:00+01:00\n---\n\nMet on 2027-01-14, see [notes](#2027-01-14).\n',
    );
    const toml = '+++\ndate = 2026-11-20   # first draft\npublishDate = 2026-12-01T09:00:00Z\n+++\n';
    assert.equal(shiftTextDates(toml, 7), '+++\ndate = 2026-11-27   # first draft\npublishDate = 2026-12-08T09:00:00Z\n+++\n');
  });

  it('leaves version numbers, dated file names, paths and things that are not dates alone', () => {
    const text = [
      'Go 1.23, node 20.2026-10-14, v2026-10-14',
      'see 2026-11-grpc-deadlines.md and _posts/2026-11-02-devrel-metrics-that-matter.md',
      'https://example.org/2026-10-14/post and 2026-10-14-slug',
      'a 2026-13-45 typo, a phone 0123-45-6789, 12026-10-14',
      'from 2000, in October',
    ].join('\n');
    assert.equal(shiftTextDates(text, 70), text);
  });

  it('keeps CRLF line endings and every other byte', () => {
    const text = '---\r\ndue: 2026-12-01\r\ntitle: "Café ☕"\r\n---\r\n\r\nBody\r\n';
    assert.equal(shiftTextDates(text, 7), '---\r\ndue: 2026-12-08\r\ntitle: "Café ☕"\r\n---\r\n\r\nBody\r\n');
  });

  it('moves epoch milliseconds in a developers.events feed and ISO dates in a confs.tech feed', () => {
    const devEvents =
      '[\n  {\n    "until": "2027-01-10",\n    "untilDate": 1799539200000,\n    "conf": { "name": "X 2027", "date": [\n        1807660800000,\n        1807833600000\n      ], "id": 1807660800000 }\n  }\n]\n';
    const week = 7 * 86_400_000;
    assert.equal(
      shiftJsonDates(devEvents, 7),
      `[\n  {\n    "until": "2027-01-17",\n    "untilDate": ${1799539200000 + week},\n    "conf": { "name": "X 2027", "date": [\n        ${1807660800000 + week},\n        ${1807833600000 + week}\n      ], "id": 1807660800000 }\n  }\n]\n`,
    );
    const confsTech = '[{"name":"RustConf 2027","startDate":"2027-09-08","endDate":"2027-09-10","cfpEndDate":"2027-01-12T23:59:00Z","locales":"EN"}]';
    assert.equal(shiftJsonDates(confsTech, -7), '[{"name":"RustConf 2027","startDate":"2027-09-01","endDate":"2027-09-03","cfpEndDate":"2027-01-05T23:59:00Z","locales":"EN"}]');
  });

  it('names calendar quarters, and the demo’s Q4 once moved', () => {
    assert.deepEqual(calendarQuarter('2026-11-12'), { from: '2026-10-01', to: '2026-12-31', label: '2026 Q4', previousLabel: '2026 Q3' });
    assert.deepEqual(calendarQuarter('2027-02-28'), { from: '2027-01-01', to: '2027-03-31', label: '2027 Q1', previousLabel: '2026 Q4' });
    assert.deepEqual(demoReportPeriod(0), { from: '2026-10-01', to: '2026-12-31', label: '2026 Q4', previousLabel: '2026 Q3' });
    assert.deepEqual(demoReportPeriod(10), {
      from: '2026-12-10',
      to: '2027-03-11',
      label: '2026-12-10 to 2027-03-11',
      previousLabel: '2026-09-09 to 2026-12-09',
    });
  });

  it('changes no byte of the demo workspace when the shift is 0', () => {
    for (const file of demoFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(shiftDemoFile(file, text, 0), text, file);
    }
  });

  it('moves every date of the demo workspace by N weeks and nothing else', () => {
    const weeks = 10;
    for (const file of demoFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const shifted = shiftDemoFile(file, text, weeks);
      if (file.endsWith('.json')) {
        if (!file.includes(`${path.sep}feeds${path.sep}`)) {
          assert.equal(shifted, text, file);
          continue;
        }
        const before = JSON.parse(text) as unknown;
        const after = JSON.parse(shifted) as unknown;
        const walk = (a: unknown, b: unknown, key: string): void => {
          if (Array.isArray(a)) return a.forEach((item, i) => walk(item, (b as unknown[])[i], key));
          if (a && typeof a === 'object') {
            for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown>)[k], k);
            return;
          }
          if (typeof a === 'number' && /date/i.test(key)) assert.equal(b, a + weeks * 7 * 86_400_000, `${file} ${key}`);
          else if (typeof a === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a)) assert.equal(b, demoDate(a, weeks), `${file} ${key}`);
          else assert.equal(b, a, `${file} ${key}`);
        };
        walk(before, after, '');
        continue;
      }
      const dates = allIsoDates(text);
      assert.deepEqual(
        allIsoDates(shifted),
        dates.map((d) => demoDate(d, weeks)),
        file,
      );
      assert.equal(shifted.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'), text.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'), `${file}: only dates change`);
    }
  });

  it('moves the demo’s Devoxx France call for papers together in both feeds', () => {
    const read = (name: string): string => fs.readFileSync(path.join(demo, 'feeds', name), 'utf8');
    const devEvents = JSON.parse(shiftDemoFile('all-cfps.json', read('all-cfps.json'), 3)) as { until: string; untilDate: number; conf: { name: string } }[];
    const confsTech = JSON.parse(shiftDemoFile('confs-tech-2027.json', read('confs-tech-2027.json'), 3)) as { name: string; cfpEndDate?: string }[];
    const devoxx = devEvents.find((e) => e.conf.name === 'Devoxx France 2027');
    assert.ok(devoxx);
    assert.equal(devoxx.until, demoDate('2027-01-10', 3));
    assert.equal(new Date(devoxx.untilDate).toISOString().slice(0, 10), demoDate('2027-01-10', 3));
    assert.equal(confsTech.find((e) => e.name === 'Devoxx FR')?.cfpEndDate, demoDate('2027-01-10', 3));
  });
});
