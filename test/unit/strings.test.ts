import assert from 'node:assert/strict';
import { shortenTitle } from '../../src/core/util/strings';

describe('strings', () => {
  describe('shortenTitle', () => {
    it('keeps a title that fits, to the character', () => {
      assert.equal(shortenTitle('Deadlines, not timeouts', 26), 'Deadlines, not timeouts');
      assert.equal(shortenTitle('Feature flags without a vendor', 30), 'Feature flags without a vendor');
    });

    it('cuts after the last whole word that fits and adds an ellipsis', () => {
      assert.equal(shortenTitle('Caching CI in a monorepo without lying to yourself', 26), 'Caching CI in a monorepo…');
      assert.equal(shortenTitle('Migrating a 60-package monorepo to pnpm workspaces', 26), 'Migrating a 60-package…');
    });

    it('never returns more than the limit, ellipsis included', () => {
      const title = 'Error handling in Rust services: thiserror at the edges, anyhow in the middle';
      for (let max = 2; max <= title.length; max++) assert.ok(Array.from(shortenTitle(title, max)).length <= max, `${max}: ${shortenTitle(title, max)}`);
    });

    it('does not end on a little word such as "a" or "in"', () => {
      assert.equal(shortenTitle('Caching CI in a monorepo without lying to yourself', 20), 'Caching CI…');
      assert.equal(shortenTitle('The CI cache that lied to us', 20), 'The CI cache…');
      assert.equal(shortenTitle('In the beginning was the word', 12), 'In…');
    });

    it('drops punctuation left at the cut', () => {
      assert.equal(shortenTitle('Plugins without cgo: WebAssembly in a Go host', 24), 'Plugins without cgo…');
      assert.equal(shortenTitle('SQLite at the edge, what we learned replicating config', 23), 'SQLite at the edge…');
      assert.equal(shortenTitle('Observability — what it costs and why', 18), 'Observability…');
    });

    it('keeps a word that ends exactly at the limit', () => {
      // 25 characters of words, then a space: all of them fit before the ellipsis.
      assert.equal(shortenTitle('Tail sampling that lasts, beyond Black Friday', 26), 'Tail sampling that lasts…');
    });

    it('cuts inside a first word too long to keep whole', () => {
      assert.equal(shortenTitle('Internationalization-readiness checklist', 16), 'Internationaliz…');
      assert.equal(shortenTitle('Supercalifragilistic', 8), 'Superca…');
    });

    it('does not split a character outside the BMP', () => {
      assert.equal(shortenTitle('🚀🚀🚀🚀🚀🚀🚀🚀', 4), '🚀🚀🚀…');
    });

    it('reads runs of whitespace as one space', () => {
      assert.equal(shortenTitle('  Tail   sampling\tthat survives  ', 40), 'Tail sampling that survives');
    });
  });
});
