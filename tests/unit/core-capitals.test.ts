/**
 * Capitals as the countries they govern (core/lexicon/capitals, indexer/wordnet): "the envoy to
 * <capital>" names the country, on both sides of the match. Invented places and sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { compileSeats } from '../../src/core/lexicon/capitals.ts';
import type { Lexicon } from '../../src/core/lexicon/paraphrases.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { openWordNet } from '../../src/indexer/wordnet.ts';
import { makeFact } from '../support/make-fact.ts';

const place = (id: string, name: string, ...aliases: string[]) => ({
  id,
  name,
  type: 'place' as const,
  aliases: [name, ...aliases].map((text) => ({ text, sources: ['s0'] })),
  mentions: 1,
});

test('a corpus place the lexicon calls a national capital of another corpus place stands for it', () => {
  const lexicon: Lexicon = {
    senses: () => [],
    capitalOf: (n) => (n === 'Velm' ? ['republic of arvenia', 'arvenia'] : n === 'Ost' ? ['norland'] : []),
  };
  const entities = [place('e0', 'Arvenia'), place('e1', 'Velm'), place('e2', 'Ost'), place('e3', 'Kasso')];
  assert.deepEqual(
    compileSeats(entities, lexicon),
    { e1: 'e0' },
    'a country the corpus never names is no seat',
  );
  assert.deepEqual(compileSeats(entities, { senses: () => [] }), {}, 'a lexicon without capitals gives none');
});

test('WordNet knows national capitals and their countries', () => {
  const wordnet = openWordNet();
  try {
    assert.ok(wordnet.capitalOf('Baghdad').includes('iraq'));
    assert.ok(wordnet.capitalOf('Paris').includes('france'));
    assert.deepEqual(wordnet.capitalOf('Homs'), [], 'a city that is no national capital');
    assert.deepEqual(wordnet.capitalOf('France'), []);
  } finally {
    wordnet.close();
  }
});

test("a page sentence that names a country's capital links the member that names the country", () => {
  const facts = [
    makeFact('recall', 'corroborated', [
      'Arvenia recalled its ambassador from Norland on Monday after the border incident.',
      'Arvenia has recalled its ambassador from Norland following the border incident.',
    ]),
  ];
  const entities = [place('e0', 'Arvenia'), place('e1', 'Velm'), place('e2', 'Norland')];
  const index: Omit<CorpusIndex, 'matcher'> = { version: 2, sources: [], entities, facts };
  const page = 'Velm recalled its ambassador, blaming the incident.';
  const ids = (seats: Record<string, string>) => {
    const data = { ...buildMatcherData(index), seats };
    return matchText(createPageMatcher(data, facts), page).claims.flatMap((c) => c.ids);
  };
  assert.deepEqual(ids({}), [], 'without the seat the capital names no one the fact names');
  assert.deepEqual(ids({ e1: 'e0' }), ['recall']);
});
