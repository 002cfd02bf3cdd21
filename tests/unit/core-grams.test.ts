import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charGrams, contentWords, fnv1a, jaccard } from '../../src/core/compare/grams.ts';

test('charGrams are sorted unique 32-bit hashes of folded text', () => {
  const g = charGrams('The Council\u2019s vote');
  assert.deepEqual(
    g,
    [...new Set(g)].sort((a, b) => a - b),
  );
  for (const h of g) assert.ok(Number.isInteger(h) && h >= 0 && h <= 0xffffffff);
  assert.deepEqual(charGrams('THE council\u2019s\u00a0vote'), charGrams("the Council's vote"));
  assert.equal(fnv1a(''), 0x811c9dc5);
});

test('jaccard on sorted arrays', () => {
  assert.equal(jaccard([1, 2, 3], [2, 3, 4]), 0.5);
  assert.equal(jaccard([], []), 0);
  const a = charGrams('The mayor resigned on Monday after the vote.');
  const b = charGrams('The mayor resigned on Monday after a vote.');
  const c = charGrams('Floods closed the northern railway line.');
  assert.ok(jaccard(a, b) > 0.7);
  assert.ok(jaccard(a, c) < 0.1);
});

test('contentWords drops stopwords and stems', () => {
  assert.deepEqual(contentWords('The soldiers were killed in the attacks'), ['soldier', 'kill', 'attack']);
});
