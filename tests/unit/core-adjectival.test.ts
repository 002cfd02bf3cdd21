import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demonymsOf, isDemonymOf, isParticipleForm } from '../../src/core/entities/adjectival.ts';

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
