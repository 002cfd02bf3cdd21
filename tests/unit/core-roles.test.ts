/**
 * Kinds of a rank's role (core/lexicon/roles, indexer/wordnet): a page that ranks an envoy or an
 * ambassador ranks a diplomat, through WordNet's hyponyms, and the page matcher compares the
 * rank with the corpus's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusIndex, Fact } from '../../src/core/index/schema.ts';
import type { Lexicon } from '../../src/core/lexicon/paraphrases.ts';
import { compileRoles, roleKey } from '../../src/core/lexicon/roles.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { openWordNet } from '../../src/indexer/wordnet.ts';
import { makeFact } from '../support/make-fact.ts';

test('the kinds of a corpus role map to it; the corpus roles and phrases keep their own', () => {
  const lexicon: Lexicon = {
    senses: () => [],
    kinds: (w) =>
      w === 'diplomat' ? ['ambassador', 'envoy', 'chargé_d_affaires'] : w === 'envoy' ? ['nuncio'] : [],
  };
  const roles = compileRoles(['diplomat', 'envoy'], lexicon);
  assert.equal(roles.ambassador, 'diplomat');
  assert.equal(roles.envoy, undefined, 'a role the corpus ranks by keeps its own rank');
  assert.equal(roles.nuncio, 'envoy');
  assert.equal(Object.keys(roles).length, 2);
  assert.equal(roleKey('ordinal:ambassador', roles), 'ordinal:diplomat');
  assert.equal(roleKey('ordinal:post:ambassador', roles), 'ordinal:post:ambassador');
  assert.equal(roleKey('number:killed', roles), 'number:killed');
});

test('WordNet gives the kinds of a noun', () => {
  const wordnet = openWordNet();
  try {
    const kinds = wordnet.kinds('diplomats');
    assert.ok(kinds.includes('ambassador'), kinds.join(' '));
    assert.ok(kinds.includes('envoy'), kinds.join(' '));
    assert.deepEqual(wordnet.kinds('zzyzx'), []);
  } finally {
    wordnet.close();
  }
});

const facts: Fact[] = [
  makeFact(
    'rank',
    'corroborated',
    [
      'She was the first senior diplomat to desert the regime.',
      'She is the first senior diplomat to desert the regime.',
    ],
    1,
  ),
];
const index: Omit<CorpusIndex, 'matcher'> = { version: 2, sources: [], entities: [], facts };

function ranked(roles: Record<string, string>, text: string): { ids: string[]; status: string }[] {
  const data = { ...buildMatcherData(index), roles };
  return matchText(createPageMatcher(data, facts), text).claims.map((c) => ({
    ids: c.ids,
    status: c.status,
  }));
}

test('a rank among envoys is a rank among diplomats: the same fact, and a different rank conflicts', () => {
  const page = 'She became the second senior envoy to desert the regime.';
  assert.deepEqual(ranked({}, page), [], 'without the role map the ranks are not comparable');
  assert.deepEqual(ranked({ envoy: 'diplomat' }, page), [{ ids: ['rank'], status: 'conflict' }]);
  assert.deepEqual(ranked({ envoy: 'diplomat' }, 'She became the first senior envoy to desert the regime.'), [
    { ids: ['rank'], status: 'corroborated' },
  ]);
});
