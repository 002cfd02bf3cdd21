import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from '../../src/indexer/nlp.ts';

function split(text: string): string[] {
  return analyse(text).sentences.map((s) => text.slice(s.start, s.end).trim());
}

test('sentences keep abbreviations, dotted acronyms and spaced ellipses together', () => {
  assert.deepEqual(split('Mr. Dupont briefed the U.N. Security Council on Monday. He left at noon.'), [
    'Mr. Dupont briefed the U.N. Security Council on Monday.',
    'He left at noon.',
  ]);
  assert.deepEqual(split('"I ask . . . the members of the board to resign," she said. Nobody did.'), [
    '"I ask . . . the members of the board to resign," she said.',
    'Nobody did.',
  ]);
});

test('offsets map back to the paragraph and proper nouns are tagged', () => {
  const text = 'Dr Ingrid Halvorsen said the plan failed.  It was dropped.';
  const { sentences, proper } = analyse(text);
  assert.equal(
    text.slice(sentences[0]!.start, sentences[0]!.end).trim(),
    'Dr Ingrid Halvorsen said the plan failed.',
  );
  assert.ok(proper.has(text.indexOf('Ingrid')));
  assert.ok(!proper.has(text.indexOf('plan')));
});
