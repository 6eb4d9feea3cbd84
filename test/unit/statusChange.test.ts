import assert from 'node:assert/strict';
import { BUILT_IN_KINDS } from '../../src/core/kinds/registry';
import { planStatusChange } from '../../src/core/statusChange';
import { draftOf } from './helpers';

const TODAY = '2026-11-28';

describe('planStatusChange', () => {
  const post = (extra = '') => draftOf(`---\nkind: blog\ntitle: P\nstatus: review\n${extra}---\n`);

  it('refuses a status outside the workflow, naming the valid ones', () => {
    const plan = planStatusChange(post(), BUILT_IN_KINDS.blog, 'shipped', 'hugo', TODAY);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.message : '', /"shipped" is not a status of a blog post\. Use one of: idea, drafting, review, scheduled, published\./);
  });

  it('refuses when the kind is unknown', () => {
    const plan = planStatusChange(post(), undefined, 'review', 'none', TODAY);
    assert.equal(plan.ok, false);
  });

  it('publishes a Hugo or Astro post with draft: false and dates it when it has no date', () => {
    for (const generator of ['hugo', 'astro'] as const) {
      const plan = planStatusChange(post(), BUILT_IN_KINDS.blog, 'published', generator, TODAY);
      assert.deepEqual(plan.ok && plan.fields, { status: 'published', draft: false, date: TODAY });
    }
  });

  it('keeps an existing publish date', () => {
    const plan = planStatusChange(post('publish_date: 2026-12-01\n'), BUILT_IN_KINDS.blog, 'published', 'hugo', TODAY);
    assert.deepEqual(plan.ok && plan.fields, { status: 'published', draft: false });
  });

  it('uses published: true/false for Jekyll and dev.to', () => {
    for (const generator of ['jekyll', 'devto'] as const) {
      assert.deepEqual((planStatusChange(post('date: 2026-01-01\n'), BUILT_IN_KINDS.blog, 'published', generator, TODAY) as { fields: object }).fields, {
        status: 'published',
        published: true,
      });
      assert.deepEqual((planStatusChange(post('date: 2026-01-01\n'), BUILT_IN_KINDS.blog, 'drafting', generator, TODAY) as { fields: object }).fields, {
        status: 'drafting',
        published: false,
      });
    }
  });

  it('writes the kind’s own publish field when there is no site generator', () => {
    const plan = planStatusChange(post(), BUILT_IN_KINDS.blog, 'published', 'none', TODAY);
    assert.deepEqual(plan.ok && plan.fields, { status: 'published', publish_date: TODAY });
  });

  it('changes only the status of other kinds', () => {
    const talk = draftOf('---\nkind: talk\ntitle: T\nstatus: drafting\n---\n');
    assert.deepEqual((planStatusChange(talk, BUILT_IN_KINDS.talk, 'submitted', 'hugo', TODAY) as { fields: object }).fields, { status: 'submitted' });
  });
});
