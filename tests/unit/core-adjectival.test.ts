import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  demonymsOf,
  isDemonymOf,
  isParticipleForm,
  modifierWords,
  type NameUse,
} from '../../src/core/entities/adjectival.ts';

test('demonyms of places the corpus names are recognised; names that merely end alike are not', () => {
  const places = new Set(['iraq', 'kenya', 'norway', 'jordan', 'anna']);
  for (const w of ['Iraqi', 'Iraqis', 'Kenyan', 'Kenyans', 'Jordanian', 'Jordanians'])
    assert.ok(isDemonymOf(w, places), w);
  for (const w of ['Iraq', 'Oslo', 'Hakim', 'Iran', 'Kenya Airways', 'Ian'])
    assert.ok(!isDemonymOf(w, places), w);
  // Without the place in the corpus, nothing is inferred.
  assert.ok(!isDemonymOf('Peruvian', places));
});

test('participle forms: capitalised -ing words', () => {
  assert.ok(isParticipleForm('Speaking'));
  assert.ok(isParticipleForm('Reading'));
  assert.ok(!isParticipleForm('King'));
  // A form only: the indexer keeps such a word when the corpus also prints it mid-sentence.
  assert.ok(isParticipleForm('Beijing'));
  assert.ok(!isParticipleForm('speaking'));
});

test('the regular demonyms of a place are formed; a name of several words has none', () => {
  assert.ok(demonymsOf('Kenya').includes('kenyan'));
  assert.ok(demonymsOf('China').includes('chinese'));
  assert.ok(demonymsOf('Oman').includes('omani'));
  assert.ok(demonymsOf('Japan').includes('japanese'));
  assert.ok(demonymsOf('Italy').includes('italian'));
  assert.deepEqual(demonymsOf('New York'), []);
});

test('people words and modifiers are no names; names used as modifiers elsewhere stay', () => {
  const uses: NameUse[] = [
    { text: 'Catholic', before: 'a', next: 'who', nextTag: 'PRON' },
    { text: 'Catholics', before: 'fellow' },
    { text: 'Protestant', before: 'by', next: 'and', nextTag: 'CCONJ' },
    { text: 'Catholic Irish', before: 'and', next: 'voters', nextTag: 'NOUN' },
    { text: 'Catholic Workers Union', before: 'the', next: 'said', nextTag: 'VERB' },
    { text: 'Hanseatic', before: 'minority', next: 'towns', nextTag: 'NOUN' },
    { text: 'Chapter', before: 'under', next: '7', nextTag: 'NUM' },
    { text: 'Norwegian-led', before: 'a', next: 'talks', nextTag: 'NOUN' },
    { text: 'WHO', before: 'a', next: 'briefing', nextTag: 'NOUN' },
    { text: 'World Health Organization', before: 'the', next: 'said', nextTag: 'VERB' },
    { text: 'Oslo', before: 'an', next: 'court', nextTag: 'NOUN' },
    { text: 'Oslo', before: 'in' },
    { text: 'Dahl', before: 'minister', possessive: true, next: 'office', nextTag: 'NOUN' },
  ];
  const not = modifierWords(uses, [[2, 3]]);
  for (const w of [
    'Catholic',
    'Catholics',
    'Protestant',
    'Catholic Irish',
    'Hanseatic',
    'Chapter',
    'Norwegian-led',
  ])
    assert.ok(not.has(w), w);
  // An organisation noun ends a name; an acronym of a longer name, a name printed alone and a
  // possessive stay names.
  for (const w of ['Catholic Workers Union', 'WHO', 'World Health Organization', 'Oslo', 'Dahl'])
    assert.ok(!not.has(w), w);
});

test('a people word is found only through the corpus: the same word used as a name stays', () => {
  assert.equal(
    modifierWords([{ text: 'Catholic', before: 'the', next: 'said', nextTag: 'VERB' }], []).size,
    0,
  );
  // A modifier once and a name once is a name.
  const both: NameUse[] = [
    { text: 'Hanseatic', next: 'towns', nextTag: 'NOUN' },
    { text: 'Hanseatic', before: 'the', next: 'was', nextTag: 'AUX' },
  ];
  assert.equal(modifierWords(both, []).size, 0);
});
