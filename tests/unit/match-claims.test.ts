/**
 * The page claim matcher (issue 4.2) on made-up text: paraphrases found through grams and slots,
 * the status from what the page says (a differing number or rank → conflict), several facts per
 * sentence, and sentences that share words with a fact but state something else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  charGrams,
  contentWords,
  fnv1a,
  gramText,
  gramWindows,
  overlap,
} from '../../src/core/compare/grams.ts';
import type { CorpusIndex, Fact, FactStatus } from '../../src/core/index/schema.ts';
import {
  buildGramTable,
  countShared,
  createGramSet,
  fillGramSet,
  gramEntry,
  hasGram,
} from '../../src/core/match/gram-table.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { splitSentences } from '../../src/core/match/page-sentences.ts';
import { makeFact } from '../support/make-fact.ts';

function fact(id: string, status: FactStatus, texts: string[]): Fact {
  return makeFact(id, status, texts, 1);
}

const facts: Fact[] = [
  fact('toll', 'conflict', [
    'Activists say just under 13,000 opponents of the government have been killed since the uprising began.',
    'Opposition groups say more than 15,000 people have died since the violence began.',
  ]),
  fact('rank', 'conflict', [
    'He was the first senior diplomat to desert the president.',
    'He is the second senior diplomat to quit the embattled government.',
    'He was the first senior diplomat to quit the government.',
  ]),
  fact('ties', 'corroborated', [
    'The ambassador, who has close ties to the security services, spoke on Wednesday.',
    'He is said to have close ties to the security services.',
  ]),
  fact('defect', 'corroborated', [
    "The country's ambassador to the neighbouring state has defected.",
    'Its ambassador to the neighbouring state has defected, officials said.',
  ]),
  fact('wed', 'single', ['At least 78 people were killed across the country on Wednesday.']),
  fact('paris', 'corroborated', [
    'The general has made no public comment since fleeing to Paris.',
    'has made no public comment since fleeing to Paris.',
  ]),
  fact('months', 'corroborated', [
    'The crackdown followed 16 months of bloodshed.',
    'It came after 16 months of violence.',
    'The revolt erupted 16 months ago.',
  ]),
];

const index: Omit<CorpusIndex, 'matcher'> = {
  version: 1,
  sources: [],
  entities: [
    {
      id: 'gen',
      name: 'Omar Haddad',
      type: 'person',
      aliases: [{ text: 'Omar Haddad', sources: ['s1'] }],
      mentions: 3,
    },
  ],
  facts,
};
const matcher = createPageMatcher(buildMatcherData(index), facts);

function claims(text: string): { text: string; ids: string; status: string }[] {
  return matchText(matcher, text).claims.map((c) => ({
    text: text.slice(c.start, c.end),
    ids: c.ids.join(' '),
    status: c.status,
  }));
}

test('a paraphrased death toll is found through its slot and is a conflict', () => {
  assert.deepEqual(claims('Rights groups now say more than 15,000 people have died in the conflict.'), [
    {
      text: 'Rights groups now say more than 15,000 people have died in the conflict.',
      ids: 'toll',
      status: 'conflict',
    },
  ]);
});

test('"first senior diplomat" finds the rank fact one source reports as "second"', () => {
  const [c] = claims('The envoy became the first senior diplomat to defect since the revolt began.');
  assert.equal(c?.ids, 'rank');
  assert.equal(c?.status, 'conflict');
});

test('the page value decides: same number → the corpus status, another number → conflict', () => {
  assert.deepEqual(
    claims('At least 78 people were killed across the country on Wednesday, activists said.').map(
      (c) => c.status,
    ),
    ['single'],
  );
  assert.deepEqual(
    claims('At least 95 people were killed across the country on Wednesday, activists said.').map(
      (c) => c.status,
    ),
    ['conflict'],
  );
  assert.deepEqual(
    claims('Monitors say it followed 17 months of bloodshed.').map((c) => [c.ids, c.status]),
    [['months', 'conflict']],
  );
  assert.deepEqual(
    claims('Monitors say it followed 16 months of bloodshed.').map((c) => [c.ids, c.status]),
    [['months', 'corroborated']],
  );
});

test('a corroborated paraphrase stays corroborated', () => {
  assert.deepEqual(
    claims("Officials say he has close ties to the country's security services.").map((c) => [
      c.ids,
      c.status,
    ]),
    [['ties', 'corroborated']],
  );
});

test('one sentence carrying two facts gets both ids', () => {
  const [c] = claims(
    'Its ambassador to the neighbouring state has defected, and he is said to have close ties to the security services.',
  );
  assert.equal(c?.ids, 'defect ties');
});

test('sentences that share words but state something else are not linked', () => {
  assert.deepEqual(claims('He is on his way to Turkey, an aide to the general said.'), []);
  assert.deepEqual(claims('Omar Haddad made a comment about the weather in Paris.'), []);
  assert.deepEqual(claims('The city council approved a new budget for its schools on Wednesday.'), []);
  assert.deepEqual(claims('He was the first person to finish the marathon in the rain.'), []);
  assert.deepEqual(claims('More than 15,000 people attended the concert in the park.'), []);
  // Only the time unit in common with a duration fact: another claim (two saved pages did this).
  assert.deepEqual(claims("It hasn't been updated since the last time I tried, six months ago."), []);
  assert.deepEqual(
    claims('With people confined to their homes for the last three to four months, life moved online.'),
    [],
  );
  // A short member ("has made no public comment since fleeing to Paris") quoted in part, about something else.
  assert.deepEqual(
    claims(
      'Critics said the council has made no public comment on how the plan would be paid for if the vote fails.',
    ),
    [],
  );
});

test('several sentences in one block, each matched on its own', () => {
  const out = claims(
    'It was a long night. The general has made no public comment since fleeing to Paris. Mr. Haddad said nothing either.',
  );
  assert.deepEqual(
    out.map((c) => [c.text, c.ids]),
    [['The general has made no public comment since fleeing to Paris.', 'paris']],
  );
});

test('sentence splitting keeps abbreviations and initials inside the sentence', () => {
  const text = 'Mr. Haddad met U.N. officials in Paris. He left on Jan. 5 for St. Louis! Then what?';
  assert.deepEqual(
    splitSentences(text).map((s) => text.slice(s.start, s.end)),
    ['Mr. Haddad met U.N. officials in Paris.', 'He left on Jan. 5 for St. Louis!', 'Then what?'],
  );
  const ranks = 'Brig. Gen. Olsen and Lt. Col. Berg left. Cmdr. Dahl stayed.';
  assert.deepEqual(
    splitSentences(ranks).map((s) => ranks.slice(s.start, s.end)),
    ['Brig. Gen. Olsen and Lt. Col. Berg left.', 'Cmdr. Dahl stayed.'],
  );
});

test('content words read British spellings, abbreviated ranks and irregular verbs as one word', () => {
  assert.deepEqual(
    contentWords('defence honour organised centre'),
    contentWords('defense honor organized center'),
  );
  assert.deepEqual(contentWords('Brig. Gen.'), contentWords('brigadier general'));
  assert.deepEqual(contentWords('he fled'), contentWords('fleeing'));
});

test('sentence splitting follows the Unicode rules that matter in news text, not source newlines', () => {
  const cases: [string, string[]][] = [
    // A full stop before a lower-case word, even past digits and symbols, ends no sentence.
    [
      'Prices fell, e.g. the fares. Costs rose 5 p.c. $4,000 per seat. Done.',
      ['Prices fell, e.g. the fares.', 'Costs rose 5 p.c. $4,000 per seat.', 'Done.'],
    ],
    // Closing quotes stay with their sentence; ? and ! end one even before lower case.
    ['He said: "We left." Then? they ran! fast', ['He said: "We left."', 'Then?', 'they ran!', 'fast']],
    // A newline in page text is source formatting: the sentence goes on.
    [
      'The ambassador\n  said he had left. Officials agreed.',
      ['The ambassador\n  said he had left.', 'Officials agreed.'],
    ],
    ['北京。上海！', ['北京。', '上海！']],
  ];
  for (const [text, want] of cases)
    assert.deepEqual(
      splitSentences(text).map((s) => text.slice(s.start, s.end)),
      want,
      text,
    );
});

/** charGrams as plainly defined: fold the whole text, then FNV-1a over every 4-unit window. */
function referenceGrams(text: string): number[] {
  const t = gramText(text);
  if (t.length === 0) return [];
  const s = t.length < 4 ? t.padEnd(4, ' ') : t;
  const out = new Set<number>();
  for (let i = 0; i + 4 <= s.length; i++) out.add(fnv1a(s.slice(i, i + 4)));
  return [...out].sort((a, b) => a - b);
}

test('charGrams (folding only non-ASCII, no string per gram) equals its plain definition', () => {
  for (const text of [
    '',
    'ab',
    'Opposition groups say more than 15,000 people have died since the violence began.',
    'Syria’s “ambassador” — Nawaf al-Fares — said: «non» à Genève, Ünal, İstanbul, 東京 2012!',
    'a  b\u00a0c\td\n',
    // No one-unit fold without context: Σ (final sigma), İ (two units), astral letters, a lone surrogate.
    'ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ',
    'İSTANBUL İzmir',
    'the \u{1d400}\u{1d401}\u{1d402} letters and \u{1f600} faces',
    'broken \ud800 surrogate',
    // Combining marks, ligatures, full-width digits, a soft hyphen.
    'Cafe\u0301 \ufb01nal \uff11\uff12\uff13 co\u00adoperate',
  ])
    assert.deepEqual(charGrams(text), referenceGrams(text), text);
});

test('gram table: one entry per gram with its list, misses are -1', () => {
  const lists = new Map<number, number[]>([
    [charGrams('abcd')[0] as number, [0, 2]],
    [0xffffffff, [1]],
    [0, [3, 4, 5]],
  ]);
  const t = buildGramTable(lists);
  const entries = new Set<number>();
  for (const [g, list] of lists) {
    const e = gramEntry(t, g);
    assert.ok(e >= 0 && e < t.size);
    entries.add(e);
    assert.deepEqual([...t.items.subarray(t.starts[e], t.starts[e + 1])], list);
    assert.ok(hasGram(t, g));
  }
  assert.equal(entries.size, lists.size);
  for (const g of [1, 7, 0x80000000, 0xfffffffe]) assert.equal(gramEntry(t, g), -1);
});

test('gram set: distinct count and shared grams equal the sorted-array overlap, sentence after sentence', () => {
  const set = createGramSet();
  const member = charGrams(
    'Opposition groups say more than 15,000 people have died since the violence began.',
  );
  const sentences = [
    'More than 15,000 people have died since the violence began, opposition groups say.',
    'the the the the the',
    'A much longer sentence that repeats itself: '.repeat(200),
    'Floods closed the northern railway line.',
  ];
  for (const text of sentences) {
    const grams = charGrams(text);
    const { buf, count } = gramWindows(text);
    assert.equal(fillGramSet(set, buf, count), grams.length, text);
    assert.equal(countShared(set, member), overlap(grams, member), text);
  }
});
