import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldChar, foldText, matchKey, stripInvisible } from '../../src/core/text/normalize.ts';
import { tokenize } from '../../src/core/text/tokens.ts';

test('foldText is length-preserving and folds spaces, quotes, dashes, diacritics', () => {
  const input = 'A\u00a0b \u201cc\u201d d\u2019s \u2013 e\u2014f \u2026 Jos\u00e9 \u00c9cole\tx\ny';
  const out = foldText(input);
  assert.equal(out.length, input.length);
  assert.equal(out, 'A b "c" d\'s - e f \u2026 Jose Ecole x y');
  assert.equal(foldChar('\u202f'), ' ');
  assert.equal(foldChar('\u2018'), "'");
  assert.equal(foldChar('Z'), 'Z');
});

test('an em dash between words breaks them apart once folded; a hyphen still joins', () => {
  const words = (t: string) => tokenize(foldText(t)).map((x) => x.text);
  assert.deepEqual(words('She resigned\u2014though the board denies it'), [
    'She',
    'resigned',
    'though',
    'the',
    'board',
    'denies',
    'it',
  ]);
  assert.deepEqual(words('al\u2010Rashid and Smith-Jones'), ['al-Rashid', 'and', 'Smith-Jones']);
});

test('foldText keeps surrogate pairs as they are (one unit in, one unit out)', () => {
  const input = 'a\ud83d\ude00b';
  assert.equal(foldText(input), input);
});

test('stripInvisible removes zero-width characters and maps offsets back', () => {
  const input = 'Fa\u00adres\u200b al\u2060-Assad';
  const { text, map } = stripInvisible(input);
  assert.equal(text, 'Fares al-Assad');
  assert.equal(map.length, text.length + 1);
  const at = text.indexOf('al-Assad');
  assert.equal(input.slice(map[at], map[text.length]), 'al\u2060-Assad');
  assert.equal(map[text.length], input.length);
});

test('matchKey folds case and white space runs', () => {
  assert.equal(matchKey('  The\u00a0 U.N.\u200b  Council\u2019s '), "the u.n. council's");
});

test('tokenize keeps hyphenated, apostrophe, acronym and grouped-number forms with offsets', () => {
  const text = "Mr. Dupont\u2019s al-Rashid U.N. 13,000 16-month Smith-Jones observers' work";
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['Mr', 'Dupont\u2019s', 'al-Rashid', 'U.N.', '13,000', '16-month', 'Smith-Jones', "observers'", 'work'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('foldText is foldChar applied to every unit, on any text', () => {
  const byUnit = (t: string) => [...Array(t.length).keys()].map((i) => foldChar(t.charAt(i))).join('');
  const samples = [
    '',
    'plain ASCII words, digits 12,345 and (punctuation)!',
    'tabs\tand\nnewlines\r\vand\fcontrols \u0001 \u007f',
    'Nawaf al‑Farès — “Syria’s” envoy… Łódź, Straße, Ørsted, Đakovo, ı',
    '\u00a0\u2003\u3000no-break and wide spaces',
    'astral 𝒜 and lone \ud835 surrogate \udc9c',
  ];
  // And random strings over ASCII, Latin-1, general punctuation and surrogates.
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const ranges = [
    [0, 0x80],
    [0x80, 0x250],
    [0x2000, 0x2070],
    [0xd800, 0xe000],
  ] as const;
  for (let k = 0; k < 2000; k++) {
    let t = '';
    for (let i = rand(12); i > 0; i--) {
      const [lo, hi] = ranges[rand(ranges.length)] as readonly [number, number];
      t += String.fromCharCode(lo + rand(hi - lo));
    }
    samples.push(t);
  }
  for (const t of samples) assert.equal(foldText(t), byUnit(t), JSON.stringify(t));
});
