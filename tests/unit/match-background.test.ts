/**
 * What a page sentence claims, as against what it takes as known (core/match/background), and the
 * readings that link a sentence by its place in a sequence or by a short piece of it, on made-up
 * text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusIndex, Fact } from '../../src/core/index/schema.ts';
import { backgroundSpans, withoutBackground } from '../../src/core/match/background.ts';
import type { ConceptIndex } from '../../src/core/match/concepts.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { buildWholeFacts, wholeFactLinks } from '../../src/core/match/whole-fact-links.ts';
import { makeFact } from '../support/make-fact.ts';

const person = (id: string, text: string) => ({
  id,
  name: text,
  type: 'person' as const,
  aliases: [{ text, sources: ['s1'] }],
  mentions: 3,
});
const place = (id: string, text: string) => ({ ...person(id, text), type: 'place' as const });

function linker(facts: Fact[]) {
  const index: Omit<CorpusIndex, 'matcher'> = {
    version: 2,
    sources: [],
    entities: [person('berg', 'Anna Berg'), person('dahl', 'Jon Dahl'), place('arvik', 'Arvik')],
    facts: [
      ...facts,
      makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
    ],
  };
  const matcher = createPageMatcher(buildMatcherData(index, {}), index.facts);
  return (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
}

test('a comma-bounded "after …" phrase is found with its offsets, and blanked in place', () => {
  const s = 'Hours after the mayor resigned, the council met in Arvik.';
  const spans = backgroundSpans(s);
  assert.deepEqual(
    spans.map((b) => s.slice(b.start, b.end)),
    ['Hours after the mayor resigned'],
  );
  const blank = withoutBackground(s, spans);
  assert.equal(blank.length, s.length);
  assert.equal(blank.trimStart(), ', the council met in Arvik.');
  assert.deepEqual(
    backgroundSpans('On Monday, following the vote in Arvik, the mayor spoke.').map((b) => b.end - b.start),
    ['following the vote in Arvik'.length],
  );
  assert.deepEqual(
    backgroundSpans('Her resignation follows the departure of the harbour master, who left.'),
    [],
    'a sentence whose verb is "follows" says it, it does not take it as known',
  );
});

test('a sentence that names a fact only as the time of another is not linked to it', () => {
  const ids = linker([makeFact('quit', 'single', ['Anna Berg has resigned from the Arvik council.'], 1)]);
  assert.deepEqual(ids('Anna Berg has resigned from the Arvik council, a spokesman said.'), ['quit']);
  assert.deepEqual(
    ids('Hours after Anna Berg resigned from the Arvik council, the ferry company raised its fares.'),
    [],
  );
});

test('"the second … in a week" links the member that says it follows one last week, naming no one', () => {
  const ids = linker([
    makeFact(
      'after',
      'single',
      ['The resignation of Anna Berg follows the resignation last week of a harbour official in protest.'],
      1,
    ),
  ]);
  assert.deepEqual(ids('It is the second big resignation in a week.'), ['after']);
  assert.deepEqual(
    ids('It is the second big resignation of the decade.'),
    [],
    'no stretch of time: no sequence',
  );
  assert.deepEqual(
    ids('It is the second big harbour storm in a week.'),
    [],
    'a sequence of another kind of event',
  );
});

test('a piece after "and" links what the sentence says of the person its pronoun stands for', () => {
  const ids = linker([
    makeFact(
      'friend',
      'single',
      ['The mayor follows Jon Dahl, a harbour engineer and a close friend of Anna Berg, out of office.'],
      1,
    ),
    makeFact('son', 'single', ['Jon Dahl, the son of a former fishing minister, left on Monday.'], 1),
  ]);
  const text =
    'Jon Dahl left the harbour office on Monday. He was a friend of Anna Berg and the son of a former minister.';
  const found = ids(text);
  assert.ok(found.includes('friend'), `the friend piece links: ${found.join(',')}`);
  assert.deepEqual(
    ids(
      'Jon Dahl left the harbour office on Monday. Anna Berg met a friend and the son of a former minister.',
    ),
    [],
    'the friend is said of no one the fact names as such',
  );
});

test('how an official side answered links beside what the sentence states, by the side’s country', () => {
  const ids = linker([
    makeFact(
      'quit',
      'single',
      ['Arvik’s harbour master Jon Dahl has resigned and left the Arvik council.'],
      1,
    ),
    makeFact(
      'answer',
      'single',
      [
        'In Arvik, a short government statement said: "The harbour ministry declares that Jon Dahl has been relieved of his duties at the port."',
      ],
      1,
    ),
  ]);
  assert.deepEqual(
    ids(
      'Arvik’s harbour ministry says it has dismissed the harbour master after he resigned and left the Arvik council.',
    ),
    ['answer', 'quit'],
  );
  assert.deepEqual(
    ids('Arvik’s harbour master has resigned and left the Arvik council, the ferry company said.'),
    ['quit'],
    'no official side answers here',
  );
  assert.deepEqual(
    ids('Arvik’s ministry said in a statement that ferry fares would rise.'),
    [],
    'an answer about something else: no other fact stated, no one of the fact named',
  );
  assert.deepEqual(
    ids('Arvik’s harbour ministry said in a statement that Jon Dahl no longer works at the port.'),
    ['answer'],
    'the answer names the fact’s person',
  );
});

test('a duration about the same person links a report of another length only with a word of what lasted', () => {
  const ids = linker([
    makeFact('years', 'single', ['Anna Berg led the harbour board for 40 years.'], 1),
    makeFact('quit', 'single', ['Anna Berg has resigned from the Arvik council.'], 1),
  ]);
  assert.deepEqual(ids('Anna Berg has led the harbour board for 30 years.'), ['years']);
  assert.deepEqual(ids('Anna Berg, a fisher, sailed for 30 years.'), [], 'only the time word is shared');
});

test('where a person is from links the report that puts it otherwise, by the person and the place', () => {
  const index: Omit<CorpusIndex, 'matcher'> = {
    version: 2,
    sources: [],
    entities: [person('berg', 'Anna Berg'), place('arvik', 'Arvik'), place('lund', 'Lund')],
    facts: [
      makeFact(
        'from',
        'single',
        ['Anna Berg is from Arvik, the northern port town that voted against the plan.'],
        1,
      ),
      makeFact('quit', 'single', ['Anna Berg has resigned from the Lund council.'], 1),
    ],
  };
  const matcher = createPageMatcher(buildMatcherData(index, {}), index.facts);
  const ids = (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
  assert.deepEqual(ids('Anna Berg led the harbour union in her home town of Arvik for a decade.'), ['from']);
  assert.deepEqual(ids('Anna Berg led the harbour union in Arvik for a decade.'), [], 'no origin said');
});

test('a member span that opens with its verb is about the subject its sentence names before it', () => {
  const text = 'Arvik council member Anna Berg, a lawyer, has resigned from the Lund council.';
  const start = text.indexOf('has resigned');
  const fact = makeFact('quit', 'single', [text], 1);
  (fact.members[0] as Fact['members'][number]).span = { start, end: text.length };
  const other = makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1);
  const index: Omit<CorpusIndex, 'matcher'> = {
    version: 2,
    sources: [],
    entities: [person('berg', 'Anna Berg'), place('arvik', 'Arvik'), place('lund', 'Lund')],
    facts: [fact, other],
  };
  const data = buildMatcherData(index, {});
  assert.deepEqual(data.claims[0]?.entities, ['berg', 'lund'], 'the last name before the span, and its own');
  const clause = makeFact('said', 'single', [text], 1);
  (clause.members[0] as Fact['members'][number]).span = { start: text.indexOf('a lawyer'), end: start };
  const quiet = buildMatcherData({ ...index, facts: [clause, other] }, {});
  assert.equal(quiet.claims[0]?.entities, undefined, 'a span that opens with no verb names only its own');
});

test('a sentence that opens with a place acting as a person links that actor’s fact as a whole', () => {
  const sigs = [
    {
      fact: 0,
      concepts: [
        '#arvik',
        '#lund',
        'storm',
        'season',
        'circulat',
        'draft',
        'plan',
        'back',
        'port',
        'toll',
        'bind',
        'line',
      ],
    },
    {
      fact: 0,
      concepts: ['#arvik', 'introduc', 'new', 'measur', 'threaten', 'immediat', 'step', 'ferry', 'comply'],
    },
    { fact: 1, concepts: ['#berg', 'resign', 'council', 'plan'] },
  ];
  const idf = new Map<string, number>();
  for (const x of sigs) for (const k of x.concepts) idf.set(k, k.startsWith('#') ? 0.4 : 1.1);
  const index: ConceptIndex = {
    sigs: sigs.map((x) => ({ ...x, weight: 0, wordWeight: 0 })),
    postings: new Map(),
    idf,
    paraphrases: {},
    seats: {},
    rarest: 1.1,
    isPerson: (k) => k === '#berg',
  };
  index.sigs.forEach((x, n) => {
    for (const k of x.concepts) index.postings.set(k, [...(index.postings.get(k) ?? []), n]);
  });
  const whole = buildWholeFacts(index);
  // "Arvik circulated a draft plan on Monday that would threaten the ports."
  const page = new Set(['#arvik', 'circulat', 'draft', 'plan', 'threaten', 'port']);
  const speakers = new Set(['#arvik']);
  assert.deepEqual(wholeFactLinks(index, whole, page, speakers, '#arvik'), [0]);
  assert.deepEqual(
    wholeFactLinks(index, whole, page, speakers, null),
    [],
    'a place the sentence does not open with is no actor',
  );
});
