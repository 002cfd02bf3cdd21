/**
 * Asked of someone versus reported done (core/claims/mood): "called on the army to join" and
 * "has joined" share their words but not their fact, on the corpus side (fact grouping) and on
 * the page (claim matching). Invented sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apartByMood, moodAt, wordMoods } from '../../src/core/claims/mood.ts';
import { buildFacts, type FactSentence } from '../../src/core/index/build-facts.ts';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { makeFact } from '../support/make-fact.ts';

const moodOf = (text: string, word: string) => {
  const at = text.indexOf(word);
  return moodAt(text, at, at + word.length);
};

test('an infinitive after someone is asked of them; participles and auxiliaries say done', () => {
  assert.equal(moodOf('She urged the council to resign at once.', 'resign'), 'asked');
  assert.equal(moodOf('He called on soldiers to "lay down their arms".', 'lay'), 'asked');
  assert.equal(moodOf('The council has resigned.', 'resigned'), 'done');
  assert.equal(moodOf('The mayor was resigning when the vote came.', 'resigning'), 'done');
  assert.equal(moodOf('The council has also quit.', 'quit'), 'done');
  // The subject's own intent is neither: deciding to resign is on the way to having resigned.
  assert.equal(moodOf('The mayor decided to resign.', 'resign'), null);
  assert.equal(moodOf('The mayor is ready to resign.', 'resign'), null);
  assert.equal(moodOf('Resign now, the crowd chanted.', 'Resign'), null);
  // A tagger's verb before "to" makes it the subject's own act too.
  const text = 'The mayor threatened to resign.';
  assert.equal(
    moodAt(text, text.indexOf('resign'), text.indexOf('resign') + 6, () => true),
    null,
  );
});

test('two reports are apart only when every action they share differs in mood', () => {
  const asked = wordMoods('She urged the council members to resign.');
  const done = wordMoods('The council members have resigned.');
  assert.deepEqual(asked.asked, ['resign']);
  assert.ok(done.done.includes('resign'));
  assert.equal(apartByMood(asked, done), true);
  assert.equal(apartByMood(done, asked), true);
  assert.equal(apartByMood(asked, wordMoods('He asked the board to resign.')), false);
  // One shared action in one mood is enough to be the same report.
  assert.equal(apartByMood(wordMoods('Having resigned, she urged them to resign.'), done), false);
  assert.equal(apartByMood(wordMoods('The council met.'), done), false);
});

/** A sentence with the offsets of the words given as its verbs (what the tagger would say). */
function sentence(source: string, text: string, verbs: string[]): FactSentence {
  return {
    source,
    sentence: 0,
    text,
    entities: [{ id: 'e0', start: 0, end: 6 }],
    verbs: verbs.map((v) => text.indexOf(v)),
  };
}

test('fact grouping keeps "asked others to join" apart from "has joined"', () => {
  const facts = buildFacts([
    sentence('s0', 'Kovach called on the striking dockers to join the walkout at the northern port.', [
      'called',
      'join',
    ]),
    sentence('s1', 'Kovach urged the striking dockers to join the walkout at the northern port.', [
      'urged',
      'join',
    ]),
    sentence('s2', 'Kovach said he has joined the walkout at the northern port with the striking dockers.', [
      'said',
      'joined',
    ]),
  ]);
  const factOf = (source: string) => facts.find((f) => f.members.some((m) => m.source === source))?.id;
  assert.equal(factOf('s0'), factOf('s1'), 'the two calls are one report');
  assert.notEqual(factOf('s2'), factOf('s0'), 'having joined is another fact');
});

test('a page sentence reporting done what every member asks is not linked to that fact', () => {
  const facts = [
    makeFact('asked', 'corroborated', [
      'Kovach called on the striking dockers to join the walkout at the northern port.',
      'Kovach urged the striking dockers to join the walkout at the northern port.',
    ]),
  ];
  const index: Omit<CorpusIndex, 'matcher'> = { version: 2, sources: [], entities: [], facts };
  const data = buildMatcherData(index);
  assert.ok(
    data.claims.every((c) => c.asked?.includes('join')),
    'signatures carry what they ask',
  );
  const matcher = createPageMatcher(data, facts);
  const ids = (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
  assert.deepEqual(
    ids('Kovach has called on the striking dockers to join the walkout at the northern port.'),
    ['asked'],
  );
  assert.deepEqual(
    ids('The striking dockers have joined the walkout at the northern port, Kovach said.'),
    [],
  );
});

test('a participle after a determiner is an adjective, in no mood', () => {
  assert.equal(moodOf('The striking dockers met.', 'striking'), null);
  assert.equal(moodOf('It backed its embattled leader.', 'embattled'), null);
  assert.equal(moodOf('The dockers went striking again.', 'striking'), 'done');
});
