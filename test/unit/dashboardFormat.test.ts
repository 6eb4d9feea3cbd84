import assert from 'node:assert/strict';
import { buildDashboardModel } from '../../src/core/dashboardModel';
import { BUILT_IN_METRICS } from '../../src/core/impact';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import type { Draft } from '../../src/core/types';
import { formatNumber, formatTick, largestFinite, NO_VALUE, niceMax, plural } from '../../src/webview/dashboard/format';
import type { DashboardModel } from '../../src/core/dashboardProtocol';

describe('dashboard page formatting', () => {
  it('formats numbers in fixed English with at most one decimal', () => {
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(1240), '1,240');
    assert.equal(formatNumber(2.25), '2.3');
    assert.equal(formatNumber(-3), '-3');
    assert.equal(formatNumber(1e21), '1,000,000,000,000,000,000,000');
  });

  it('shows a missing or non-finite number as a dash instead of throwing', () => {
    for (const value of [null, undefined, Infinity, -Infinity, NaN, '12', {}, []]) assert.equal(formatNumber(value), NO_VALUE, String(value));
  });

  it('rounds a chart top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    assert.equal(niceMax(137), 200);
    assert.equal(niceMax(140), 200);
    assert.equal(niceMax(35), 50);
    assert.equal(niceMax(22), 25);
    assert.equal(niceMax(100), 100);
    assert.equal(niceMax(0.3), 0.5);
  });

  it('keeps a chart top finite and above zero whatever it is given', () => {
    for (const value of [0, -5, null, undefined, NaN, Infinity, -Infinity]) assert.equal(niceMax(value), 1, String(value));
    // 2 × 1e308 would overflow: the value itself is the top then.
    assert.equal(niceMax(1.5e308), 1.5e308);
    assert.equal(niceMax(Number.MAX_VALUE), Number.MAX_VALUE);
  });

  it('finds the largest finite value, ignoring the rest', () => {
    assert.equal(largestFinite([3, null, 12, Infinity, NaN, 7]), 12);
    assert.equal(largestFinite([null, undefined]), 0);
    assert.equal(largestFinite([]), 0);
  });

  it('shortens axis labels from ten thousand up, so they fit the margin', () => {
    assert.equal(formatTick(0), '0');
    assert.equal(formatTick(5000), '5,000');
    assert.equal(formatTick(10000), '10k');
    assert.equal(formatTick(25000), '25k');
    assert.equal(formatTick(2500000), '2.5M');
    assert.equal(formatTick(5e9), '5B');
    assert.equal(formatTick(Number.NaN), NO_VALUE);
  });

  it('adds an s to a label unless it already ends in one', () => {
    assert.equal(plural('Talk'), 'Talks');
    assert.equal(plural('OSS contributions'), 'OSS contributions');
    assert.equal(plural('Blog post'), 'Blog posts');
  });

  it('formats every impact number of a model whose sums overflowed, after the JSON trip to the page', () => {
    const draft: Draft = {
      uri: 'file:///ws/huge.md',
      relativePath: 'huge.md',
      kind: 'talk',
      kindSource: 'front-matter',
      title: 'Huge',
      status: 'delivered',
      statusSource: 'front-matter',
      dates: [],
      tags: [],
      fields: {},
      problems: [],
      impact: [
        { date: '2026-05-01', metric: 'attendees', value: 1e308 },
        { date: '2026-05-02', metric: 'attendees', value: 1e308 },
      ],
    };
    const model = buildDashboardModel([draft], BUILT_IN_KINDS, {
      today: '2026-05-13',
      metrics: BUILT_IN_METRICS,
      focus: { maxActive: 3, maxDeadlinesPer14Days: 4 },
    });
    // What postMessage does to the numbers: Infinity and NaN become null.
    const received = JSON.parse(JSON.stringify(model)) as DashboardModel;
    const [metric] = received.impact.metrics;
    const shown = [metric.thisQuarter, metric.allTime, metric.max, ...metric.series.map((m) => m.total)].map(formatNumber);
    for (const text of shown) assert.ok(text === NO_VALUE || /^[\d,.]+$/.test(text), text);
    assert.ok(Number.isFinite(niceMax(metric.max)));
  });
});
