import * as assert from 'node:assert/strict';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { describeDate, frontMatterHover, type HoverFacts } from '../../src/core/writing/frontMatterHover';

const FACTS: HoverFacts = { kinds: BUILT_IN_KINDS, metrics: BUILT_IN_METRICS, today: '2026-12-02' };

/** The hover at the `|` in `source`, and the text its range covers. */
function hover(source: string, facts: HoverFacts = FACTS): { markdown: string; covers: string } | undefined {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const result = frontMatterHover(text, offset, facts);
  return result && { markdown: result.markdown, covers: text.slice(result.start, result.end) };
}

describe('front-matter hovers', () => {
  it('says a date’s weekday and how far away it is', () => {
    assert.deepEqual(hover('---\nkind: talk\ncfp_deadline: 2026-12-1|5\n---\n'), { markdown: '**CFP closes**: Tue 15 Dec, in 13 days', covers: 'cfp_deadline: 2026-12-15' });
    assert.equal(hover('---\nkind: talk\ncfp_dead|line: "2026-12-01"\n---\n')?.markdown, '**CFP closes**: Tue 1 Dec, yesterday', 'on the key, and quoted');
    assert.equal(hover('---\nkind: talk\nevent_date: 2027-01-04 # Monday|\n---\n'), undefined, 'not in the comment');
    assert.equal(hover('---\nkind: talk\nevent_date: 2027-01-0|4 # Monday\n---\n')?.markdown, '**Event**: Mon 4 Jan 2027, in 33 days', 'another year is named');
    assert.equal(hover('---\nkind: blog\ndate: 2026-11-2|2T10:00:00Z\n---\n')?.markdown, '**Publish**: Sun 22 Nov, 10 days ago', 'an alternative key and a timestamp');
    assert.equal(hover('---\nkind: talk\ndue: 2026-02-3|0\n---\n')?.markdown, '**Due**: `2026-02-30` is not a date. Write it as YYYY-MM-DD.');
    assert.equal(hover('---\nkind: talk\nsubmissions:\n  - event: DevConf\n    cfp_deadline: 2026-12-0|3\n---\n')?.markdown, '**CFP closes**: Thu 3 Dec, tomorrow');
    assert.equal(describeDate('2026-12-02', '2026-12-02'), 'Wed 2 Dec, today');
  });

  it('shows the kind’s workflow with the current step marked', () => {
    const shown = hover('---\nkind: talk\nstatus: submit|ted\n---\n');
    assert.equal(shown?.covers, 'status: submitted');
    assert.equal(
      shown?.markdown,
      ['**Talk workflow**', '', '1. idea', '2. drafting', '3. **submitted** ← here', '4. accepted', '5. rejected (an outcome, not a step)', '6. rehearsing', '7. delivered'].join(
        '\n',
      ),
    );
    assert.match(hover('---\nkind: blog\nstatus: shelved|\n---\n')?.markdown ?? '', /`shelved` is not in this workflow/);
    assert.match(hover('---\nstatus: ide|a\n---\n', { ...FACTS, kind: 'oss' })?.markdown ?? '', /OSS contribution workflow[\s\S]*1\. todo/, 'kind from the index');
    assert.match(hover('---\nkind: talk\nsubmissions:\n  - event: X\n    status: accep|ted\n---\n')?.markdown ?? '', /Submission workflow[\s\S]*\*\*accepted\*\* ← here/);
    assert.match(hover('---\nfeedback:\n  - summary: Y\n    status: plan|ned\n---\n')?.markdown ?? '', /Feedback workflow[\s\S]*\*\*planned\*\* ← here/);
  });

  it('puts the planned minutes of the timed sections against the slot', () => {
    const talk = { plannedMinutes: 27, sections: 6 };
    assert.equal(hover('---\nkind: talk\ndura|tion: 30\n---\n', { ...FACTS, talk })?.markdown, '**Slot**: 30 min\n\n**Planned**: 27 min in 6 timed sections, 3 min to spare');
    assert.match(hover('---\nkind: talk\nduration: 2|5\n---\n', { ...FACTS, talk })?.markdown ?? '', /\*\*2 min over the slot\*\*/);
    assert.match(hover("---\nkind: talk\nduration: '3|0'\n---\n", { ...FACTS, talk: { plannedMinutes: 30, sections: 1 } })?.markdown ?? '', /in 1 timed section, exactly the slot/);
    assert.match(hover('---\nkind: talk\nduration: 3|0\n---\n')?.markdown ?? '', /No section has a minute budget yet/);
    assert.match(hover('---\nkind: talk\nduration: half an ho|ur\n---\n')?.markdown ?? '', /`half an hour` is not a number of minutes/);
  });

  it('adds up an impact metric for the draft', () => {
    const source = [
      '---',
      'kind: blog',
      'impact:',
      '  - date: 2026-11-20',
      '    metric: vi|ews',
      '    value: 1200',
      '  - {date: 2026-11-27, metric: views, value: "1,050"}',
      '  - date: 2026-11-27',
      '    metric: reactions',
      '    value: 40',
      '  - metric: views',
      '    value: 99',
      '---',
      '',
    ].join('\n');
    assert.deepEqual(hover(source), { markdown: '**Views**: 2,250 page views in this draft, from 2 entries.', covers: 'metric: views' });
    assert.equal(hover(source.replace('vi|ews', 'views').replace('metric: reactions', 'metric: reac|tions'))?.markdown, '**Reactions**: 40 reactions in this draft, from 1 entry.');
    assert.equal(
      hover(source.replace('vi|ews', 'views').replace('impact:', 'imp|act:'))?.markdown,
      '**Impact of this draft**\n\n- Views: 2,250 page views\n- Reactions: 40 reactions',
    );
    assert.match(
      hover('---\nimpact:\n  - date: 2026-11-20\n    metric: pod|casts\n    value: 3\n---\n')?.markdown ?? '',
      /\*\*podcasts\*\*: 3 in this draft[\s\S]*Not a configured metric/,
    );
  });

  it('works in TOML, with [extra] and [[impact]] tables', () => {
    const source = [
      '+++',
      'title = "Zola post"',
      'date = 2026-11-20',
      '[extra]',
      'kind = "blog"',
      'status = "revi|ew"',
      '[[extra.impact]]',
      'date = 2026-11-21',
      'metric = "views"',
      'value = 300',
      '+++',
      '',
    ].join('\n');
    assert.match(hover(source)?.markdown ?? '', /\*\*review\*\* ← here/);
    assert.equal(hover(source.replace('revi|ew', 'review').replace('date = 2026-11-20', 'date = 2026-11-2|0'))?.markdown, '**Publish**: Fri 20 Nov, 12 days ago');
    const hugo = ['+++', 'kind = "talk"', 'status = "idea"', '[[impact]]', 'date = 2026-11-21', 'metric = "atten|dees"', 'value = 80', '+++'].join('\r\n');
    assert.deepEqual(hover(hugo), { markdown: '**Attendees**: 80 people in the room in this draft, from 1 entry.', covers: 'metric = "attendees"' });
  });

  it('says nothing in the body, on unknown keys, or in broken input, and never throws', () => {
    assert.equal(hover('---\nkind: talk\n---\nstatus: ide|a\n'), undefined);
    assert.equal(hover('---\nkind: talk\nvenue_notes: som|ething\n---\n'), undefined);
    assert.equal(hover('---\nkind: talk\nstatus: idea  |  \n---\n'), undefined, 'past the value');
    assert.match(hover('---\r\nkind: talk\r\nstatus: draf|ting\r\n---\r\n')?.markdown ?? '', /\*\*drafting\*\* ← here/, 'CRLF');
    assert.match(hover('---\nkind: talk\nstatus: draf|ting')?.markdown ?? '', /\*\*drafting\*\* ← here/, 'unclosed');
    assert.equal(hover('---\nkind: talk\nimpact: [unclosed\n    metric: vie|ws\n---\n'), undefined);
    const odd = ['---\nimpact:\n  - metric: views\n    value: {\n---\n', '+++\n[[impact]]\nmetric = "views\n+++', '---\n\t- : :\n---', '---\nkind: talk\nduration: \n---\n'];
    for (const text of odd) for (let offset = 0; offset <= text.length; offset++) assert.doesNotThrow(() => frontMatterHover(text, offset, FACTS));
    const big = `---\nkind: talk\nstatus: idea\n---\n${'A line of the body.\n'.repeat(60_000)}`;
    assert.match(frontMatterHover(big, 20, FACTS)?.markdown ?? '', /\*\*idea\*\* ← here/);
    assert.equal(frontMatterHover(big, big.length - 5, FACTS), undefined);
  });
});
