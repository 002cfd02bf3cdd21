/**
 * The popup's corpus lookups (src/core/index/query.ts) on the hand-made popup fixture index:
 * search by name, word or phrase in spellings the corpus never printed, facts involving a name,
 * and the "this page leaves out" lens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { factsInvolving, leftOut, lookup, prepareLookup, summarizeFact } from '../../src/core/index/query.ts';
import { boundedDistance, searchWords, wordMatch } from '../../src/core/index/query-text.ts';
import { parseIndex } from '../../src/core/index/validate.ts';
import { FIXTURES } from '../support/paths.ts';

const index = parseIndex(readFileSync(path.join(FIXTURES, 'pages/popup-corpus/index.json'), 'utf8'));
const table = prepareLookup(index);
const names = (q: string) => lookup(table, q).entities.map((e) => e.name);
const facts = (q: string) => lookup(table, q).facts.map((f) => f.id);

describe('search words', () => {
  test('fold case, diacritics, hyphens, possessives and digit groups', () => {
    assert.deepEqual(searchWords('Al-Fares’s men, Écija: 13,000!'), ['al', 'fares', 'men', 'ecija', '13000']);
    assert.deepEqual(searchWords('  '), []);
  });
  test('edit distance counts a transposition as one edit and gives up past the bound', () => {
    assert.equal(boundedDistance('tlass', 'tlas', 1), 1);
    assert.equal(boundedDistance('fraes', 'fares', 1), 1);
    assert.equal(boundedDistance('sermini', 'baghdad', 2), 3);
  });
  test('numbers never match approximately', () => {
    assert.equal(wordMatch('13000', '15000', false), 0);
    assert.equal(wordMatch('13000', '13000', false), 3);
  });
});

describe('lookup', () => {
  test('a name in spellings the corpus never printed', () => {
    assert.equal(names('Tlass')[0], 'Manaf Tlas');
    assert.equal(names('Mohammed Sermini')[0], 'Mohammad Sermini');
    const hit = lookup(table, 'Mohammed Sermini').entities[0]!;
    assert.equal(hit.approximate, true);
    assert.equal(names('nawaf fares')[0], 'Nawaf al-Fares');
    assert.equal(lookup(table, 'Nawaf Fares').entities[0]!.approximate, false);
  });
  test('spelling keys and titles: the transliterations the index accepts', () => {
    assert.equal(names('Faris')[0], 'Nawaf al-Fares');
    assert.equal(names('Mr. Fares')[0], 'Nawaf al-Fares');
    assert.equal(names('Muhammad Sermini')[0], 'Mohammad Sermini');
    assert.ok(facts('Faris').includes('f-first'), 'facts that print another spelling of the word');
  });
  test('instant while typing: a prefix of the last word already finds the name', () => {
    assert.equal(names('Serm')[0], 'Mohammad Sermini');
    assert.equal(names('Hillary C')[0], 'Hillary Clinton');
  });
  test('facts by word and by phrase, whole phrase first', () => {
    assert.deepEqual(facts('Facebook'), ['f-channel']);
    assert.equal(facts('draft resolution')[0], 'f-russia-draft');
    assert.ok(facts('Tlass').includes('f-tlas'), 'a misspelt name reaches the facts that print it');
    assert.ok(facts('15,000').includes('f-toll'));
    assert.ok(!facts('14,000').includes('f-toll'), 'a different number is not a match');
  });
  test('nothing for an empty query or words the corpus does not have', () => {
    assert.deepEqual(lookup(table, '  '), { entities: [], facts: [] });
    assert.deepEqual(lookup(table, 'zeppelin'), { entities: [], facts: [] });
  });
});

describe('summaries and lenses', () => {
  test('a fact summary counts outlets by stance', () => {
    const s = summarizeFact(index, index.facts.find((f) => f.id === 'f-channel')!);
    assert.equal(s.sources, 4);
    assert.deepEqual(s.stances, { agrees: 2, partial: 0, conflicts: 2 });
    assert.deepEqual(s.outlets, ['Gulf Courier', 'Northern Ledger', 'Capital Times', 'Evening Dispatch']);
  });
  test('facts involving a name, conflicts first', () => {
    const ids = factsInvolving(index, 'e-fares').map((f) => f.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['f-channel', 'f-first']);
    assert.equal(ids.at(-1), 'f-defected');
    assert.ok(ids.includes('f-tlas'));
  });
  test('"this page leaves out": facts two or more sources report, absent from the page', () => {
    const ids = leftOut(index, ['f-channel', 'f-first', 'f-tlas']).map((f) => f.id);
    assert.deepEqual(ids, ['f-defected', 'f-russia-draft', 'f-toll', 'f-sermini']);
    assert.ok(!ids.includes('f-momentum'), 'single-source facts are not "left out"');
  });
});
