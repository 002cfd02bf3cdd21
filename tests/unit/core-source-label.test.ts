import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceLabel } from '../../src/core/index/source-label.ts';

const unnamed = (n: number) => `Source ${n}`;

test('a source is named by outlet, else shortened title, else its place in the corpus', () => {
  assert.equal(sourceLabel({ outlet: 'Nordpress', title: 'A title' }, 0, unnamed), 'Nordpress');
  assert.equal(
    sourceLabel({ outlet: null, title: 'Harbour strike enters second week' }, 1, unnamed),
    'Harbour strike enters second week',
  );
  const long = sourceLabel({ outlet: null, title: 'x'.repeat(60) }, 0, unnamed);
  assert.equal(long, `${'x'.repeat(46)}…`);
  assert.equal(sourceLabel({ outlet: null, title: null }, 2, unnamed), 'Source 3');
  assert.equal(sourceLabel({ outlet: '', title: '' }, 0, unnamed), 'Source 1');
});

test("a source's label, from sources.json, comes before its outlet and title", () => {
  assert.equal(
    sourceLabel({ label: 'Wire copy, Oslo dateline', outlet: 'Nordpress', title: 'A title' }, 0, unnamed),
    'Wire copy, Oslo dateline',
  );
  assert.equal(sourceLabel({ label: null, outlet: 'Nordpress' }, 0, unnamed), 'Nordpress');
});
