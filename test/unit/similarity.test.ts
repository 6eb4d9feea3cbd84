import * as assert from 'node:assert/strict';
import { editDistance, rankBySimilarity } from '../../src/core/similarity';

describe('similarity', () => {
  it('computes edit distance', () => {
    assert.equal(editDistance('drafitng', 'drafting'), 2);
    assert.equal(editDistance('', 'idea'), 4);
    assert.equal(editDistance('review', 'review'), 0);
  });

  it('ranks the closest valid value first, ignoring case and quotes', () => {
    const statuses = ['idea', 'drafting', 'review', 'scheduled', 'published'];
    assert.equal(rankBySimilarity('"Drafitng"', statuses)[0], 'drafting');
    assert.equal(rankBySimilarity('publshed', statuses)[0], 'published');
    assert.deepEqual(rankBySimilarity('x', ['ab', 'cd']), ['ab', 'cd']);
  });
});
