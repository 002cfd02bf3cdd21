import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstWords } from '../../src/core/claims/slot-numbers.ts';
import {
  charGrams,
  contentWords,
  fnv1a,
  gramWindows,
  jaccard,
  STOPWORDS,
  stem,
} from '../../src/core/compare/grams.ts';
import { foldText } from '../../src/core/text/normalize.ts';
import { tokenize, tokenizeWithRegex } from '../../src/core/text/tokens.ts';

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

test('gramWindows are the window hashes charGrams sorts and dedupes', () => {
  for (const text of ['', 'ab', 'the the the the', 'Syria’s “ambassador” said: «non» à Genève', 'ΟΔΥΣΣΕΥΣ']) {
    const want = charGrams(text);
    const { buf, count } = gramWindows(text);
    const windows = [...buf.subarray(0, count)];
    assert.deepEqual(
      [...new Set(windows)].sort((a, b) => a - b),
      want,
      text,
    );
    assert.ok(count >= want.length, text);
  }
});

/** contentWords as first written: fold the whole text, then every token through the regexes. */
function referenceContentWords(text: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenizeWithRegex(foldText(text).toLowerCase())) {
    const w = t.text
      .replace(/'s$/, '')
      .replace(/'$/, '')
      .replace(/^(?:al|el|ad|ar|as|at|az|ash|ez|es|ed|er|en)-(?=\p{L}{3})/u, '');
    if (w.length < 2 || STOPWORDS.has(w) || /^\d/.test(w)) continue;
    seen.add(stem(w));
  }
  return [...seen];
}

test('contentWords (cached stems, folding only non-ASCII) equals its first definition, call after call', () => {
  const texts = [
    'The Council’s al-Rashid reportedly killed 13,000 soldiers; Café crises, E.U. crises.',
    'Ünal\tand\nİstanbul’s “ambassador” — Nawaf al-Fares — says ΟΔΥΣΣΕΥΣ fled',
    'astral \u{1d400}\u{1d401} letters and a lone \ud800 surrogate',
  ];
  for (let round = 0; round < 2; round++)
    for (const text of texts) assert.deepEqual(contentWords(text), referenceContentWords(text), text);
});

/** A deterministic stream of short strings over the characters TOKEN treats specially. */
function* fuzzTexts(count: number, alphabet: string[], maxLength: number): Generator<string> {
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = 0; k < count; k++) {
    let s = '';
    const length = 1 + Math.floor(next() * maxLength);
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
}

test('tokenize (a table scan) gives exactly the matches of its regex', () => {
  const samples = [
    'The U.S. and E.U. said 13,000 (or 1,234,5678.9) people; 4.5-fold, 16-month, 3rd-ranked.',
    "al-Rashid's rock'n'roll, the Smiths' car, O’Neill’s ʼokina, don't-stop ’90s",
    'Ünal, İstanbul, ΟΔΥΣΣΕΥΣ, 東京 2012, cafe\u0301, \u0663\u0664 and \u00b2',
    'astral \u{1d400}\u{1d401} letters, a lone \ud800 surrogate, \u{1f600}!',
    '',
    '---',
  ];
  for (const text of samples) assert.deepEqual(tokenize(text), tokenizeWithRegex(text), text);
  const alphabet = [...'aBZé É19,.-\u2010\u2011\'\u2019\u02bc \n\u00a0\u0301\u0663\u00b2ßǅΣ"(!_'];
  for (const text of fuzzTexts(20000, alphabet, 16))
    assert.deepEqual(tokenize(text), tokenizeWithRegex(text), JSON.stringify(text));
});

test('firstWords is the first words of a whitespace split, without splitting the rest', () => {
  const alphabet = [...'ab \n\u00a0\ufeff\u2028\u3000\t,'];
  for (const text of [
    '',
    '   ',
    ' a  b ',
    'one two three four five six seven eight',
    ...fuzzTexts(5000, alphabet, 20),
  ])
    for (const n of [1, 3, 6])
      assert.deepEqual(firstWords(text, n), text.trimStart().split(/\s+/).slice(0, n), JSON.stringify(text));
});
