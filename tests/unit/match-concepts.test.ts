/**
 * Linking by meaning (core/match/concept-links, core/lexicon/paraphrases, indexer/wordnet) on
 * made-up text: a page sentence in other words links through the paraphrase map and the names it
 * shares; one that only shares the story's names or vocabulary does not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentWords } from '../../src/core/compare/grams.ts';
import type { CorpusIndex, Fact } from '../../src/core/index/schema.ts';
import {
  compileParaphrases,
  compileSynonyms,
  type Lexicon,
  readConcepts,
  type Sense,
} from '../../src/core/lexicon/paraphrases.ts';
import { clauseLinks } from '../../src/core/match/clause-links.ts';
import { conceptLinks } from '../../src/core/match/concept-links.ts';
import type { ConceptIndex } from '../../src/core/match/concepts.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { buildWholeFacts, wholeFactLinks } from '../../src/core/match/whole-fact-links.ts';
import { openWordNet } from '../../src/indexer/wordnet.ts';
import { makeFact } from '../support/make-fact.ts';

test('compileParaphrases maps synonyms and derived forms the corpus lacks to its own words', () => {
  const lexicon: Lexicon = {
    senses: (w) =>
      w === 'resigned'
        ? [{ words: ['resign', 'quit', 'step_down'], related: ['resignation'] }]
        : w === 'harbour'
          ? [{ words: ['harbour', 'port'], related: [] }]
          : [],
  };
  const map = compileParaphrases(['resigned', 'harbour', 'port'], lexicon);
  assert.equal(map.quit, 'resign');
  assert.equal(map.resignation, 'resign');
  assert.equal(map.step_down, undefined, 'multi-word lemmas are not single words');
  assert.equal(map['step down'], 'resign', 'a two-word synonym is a phrase key of its stems');
  assert.equal(map.port, undefined, 'a word the corpus prints keeps its own meaning');
});

test('corpus words of one family read as one concept; a derived synonym of another root does not join', () => {
  const lexicon: Lexicon = {
    senses: (w) =>
      w === 'resigned'
        ? [{ words: ['resign', 'quit'], related: ['resignation', 'acknowledgment'] }]
        : w === 'acknowledgment'
          ? [{ words: ['acknowledgment', 'credit'], related: [] }]
          : [],
  };
  const map = compileParaphrases(['resigned', 'resignation', 'acknowledgment'], lexicon);
  assert.equal(map.resignation, 'resign', 'the noun of the verb is the verb');
  assert.equal(map.resign, undefined, 'the head of a family is its own concept');
  assert.equal(map.quit, 'resign');
  assert.equal(map.acknowledgment, undefined, 'related, but not the same root: not joined');
  const short: Lexicon = {
    senses: (w) => (w === 'flee' ? [{ words: ['flee'], related: ['flight'] }] : []),
  };
  assert.equal(
    compileParaphrases(['flee', 'flight'], short).flight,
    'fle',
    'a short stem keeps only its first letters',
  );
});

test('a phrase goes to the corpus word whose first sense lists it, and is read beside its words', () => {
  const lexicon: Lexicon = {
    senses: (w) =>
      w === 'advanced'
        ? [
            { words: ['submit'], related: [] },
            { words: ['submit', 'put_forward'], related: [] },
          ]
        : w === 'proposal'
          ? [{ words: ['proposal'], related: ['put_forward'] }]
          : w === 'nominated'
            ? [{ words: ['nominate', 'put_forward'], related: [] }]
            : [],
  };
  const map = compileParaphrases(['advanced', 'proposal', 'nominated'], lexicon);
  assert.equal(map['put forward'], 'nominat', 'the first sense wins over a second one');
  assert.deepEqual(readConcepts(contentWords('Russia put forward its draft'), map), [
    'russia',
    'put',
    'nominat',
    'forward',
    'draft',
  ]);
  assert.deepEqual(readConcepts(contentWords('forward put'), map), ['forward', 'put'], 'in text order only');
  const none = compileParaphrases(['proposal'], lexicon);
  assert.equal(none['put forward'], undefined, 'a derived form gives no phrase');
});

test('irregular verb forms meet their other forms', () => {
  assert.deepEqual(contentWords('fled'), contentWords('fleeing'));
  assert.deepEqual(contentWords('left'), contentWords('leaving'));
  assert.deepEqual(contentWords('withdrawn'), contentWords('withdraws'));
});

test('WordNet gives the common senses of an inflected word, with derived forms', () => {
  const wordnet = openWordNet();
  try {
    const senses = wordnet.senses('resigned');
    assert.ok(senses.some((s) => s.words.includes('quit') || s.words.includes('leave_office')));
    assert.ok(senses.some((s) => s.related.includes('resignation')));
    assert.ok(wordnet.senses('submitted').some((s) => s.words.includes('submit')));
    assert.deepEqual(wordnet.senses('zzyzx'), []);
  } finally {
    wordnet.close();
  }
});

const facts: Fact[] = [
  makeFact(
    'quit',
    'corroborated',
    [
      'Mayor Anna Berg has resigned from the Arvik council after the harbour vote.',
      'Anna Berg resigned from the council on Monday.',
    ],
    1,
  ),
  makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
];
const entity = (id: string, text: string) => ({
  id,
  name: text,
  type: 'person' as const,
  aliases: [{ text, sources: ['s1'] }],
  mentions: 3,
});
const index: Omit<CorpusIndex, 'matcher'> = {
  version: 2,
  sources: [],
  entities: [entity('berg', 'Anna Berg'), entity('arvik', 'Arvik')],
  facts,
};

function linked(paraphrases: Record<string, string>, text: string): string[] {
  const matcher = createPageMatcher(buildMatcherData(index, paraphrases), facts);
  return matchText(matcher, text).claims.flatMap((c) => c.ids);
}

test('a sentence in other words links through the paraphrase map and a shared name', () => {
  const page = 'In Arvik, Anna Berg quit the municipal council following the harbour ballot.';
  assert.deepEqual(linked({}, page), [], 'without paraphrase knowledge the wording is too far');
  assert.deepEqual(linked({ quit: 'resign' }, page), ['quit']);
});

test('a sentence that shares only the names and the vocabulary links nothing', () => {
  const map = { quit: 'resign' };
  assert.deepEqual(linked(map, 'Anna Berg spoke to the Arvik council about the budget.'), []);
  assert.deepEqual(linked(map, 'Ministers quit the council of a distant city after a vote.'), []);
});

test('the same person and the same kind of value link a report that differs in its value', () => {
  const channel: Fact[] = [
    makeFact('video', 'conflict', ['Anna Berg posted a video statement on YouTube on Monday.'], 1),
    makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
  ];
  const matcher = createPageMatcher(buildMatcherData({ ...index, facts: channel }, {}), channel);
  const found = matchText(
    matcher,
    'Anna Berg explained her plans in a statement given to the broadcaster NRK.',
  );
  assert.deepEqual(
    found.claims.flatMap((c) => c.ids),
    ['video'],
  );
  assert.equal(found.claims[0]?.status, 'conflict');
  const unrelated = matchText(matcher, 'Anna Berg later spoke about the harbour budget at length.');
  assert.deepEqual(unrelated.claims, []);
});

test('how a person said it links beside the other fact a sentence states', () => {
  const two: Fact[] = [
    makeFact('video', 'conflict', ['Anna Berg posted a video statement on YouTube on Monday.'], 1),
    makeFact(
      'quit',
      'corroborated',
      [
        'Mayor Anna Berg has resigned from the Arvik council after the harbour vote.',
        'Anna Berg resigned from the Arvik council on Monday.',
      ],
      1,
    ),
  ];
  const matcher = createPageMatcher(buildMatcherData({ ...index, facts: two }, {}), two);
  const ids = (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
  assert.deepEqual(
    ids(
      'Anna Berg, in a statement to the broadcaster NRK, resigned from the Arvik council after the harbour vote.',
    ),
    ['quit', 'video'],
  );
  assert.deepEqual(
    ids('Anna Berg resigned from the Arvik council after the harbour vote.'),
    ['quit'],
    'no channel on the page: only what it states',
  );
  assert.deepEqual(ids('Jon Dahl told the broadcaster NRK about the harbour budget.'), [], 'another person');
  assert.deepEqual(
    ids('A councillor said in a statement to the broadcaster NRK: "Anna Berg has my vote."'),
    [],
    'a person named only inside a quotation is what is said, not who said it',
  );
});

test('a page sentence that says nothing a long member does not states it; one that says more does not', () => {
  const long: Fact[] = [
    makeFact(
      'draft',
      'single',
      [
        'With talks stalled, Norway on Monday circulated a draft resolution, backed by Denmark and Iceland, to make the harbour plan binding under the fishing treaty.',
      ],
      1,
    ),
    makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
  ];
  const places = ['Norway', 'Denmark', 'Iceland'].map((n) => ({
    ...entity(n.toLowerCase(), n),
    type: 'place' as const,
  }));
  const idx = { ...index, entities: [...index.entities, ...places], facts: long };
  const matcher = createPageMatcher(buildMatcherData(idx, {}), long);
  const ids = (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
  assert.deepEqual(ids('Norway has circulated a draft resolution, backed by Denmark and Iceland.'), [
    'draft',
  ]);
  assert.deepEqual(
    ids(
      'Norway circulated a draft resolution on whaling quotas, opposed by Japan, Korea and several Pacific states.',
    ),
    [],
    'most of what it says is not in the member',
  );
});

test('a recording is a channel without a place: it links how the person said it, and compares no value', () => {
  const told: Fact[] = [
    makeFact(
      'video',
      'corroborated',
      [
        'Anna Berg posted a video statement on YouTube on Monday.',
        'Anna Berg posted a video statement on YouTube.',
      ],
      1,
    ),
    makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
  ];
  const matcher = createPageMatcher(buildMatcherData({ ...index, facts: told }, {}), told);
  const found = matchText(matcher, 'Anna Berg explained her plans in a video released late on Monday.');
  assert.deepEqual(
    found.claims.map((c) => [c.ids, c.status]),
    [[['video'], 'corroborated']],
  );
  assert.deepEqual(matchText(matcher, 'Anna Berg explained her plans late on Monday.').claims, []);
});

test("a sentence that puts together what a fact's members each say in part links the whole fact", () => {
  // Two members of fact 0 each say part of it; fact 1 is another fact about the same person.
  const sigs = [
    {
      fact: 0,
      concepts: ['#berg', 'sudden', 'departur', 'winter', 'vot', 'plan', 'harbor', 'divid', 'town'],
    },
    {
      fact: 0,
      concepts: ['#berg', 'rival', 'governor', 'engineer', 'silent', 'station', 'longtim', 'keep', 'seen'],
    },
    { fact: 1, concepts: ['#berg', 'present', 'school', 'budget', 'parent', 'engineer'] },
  ];
  const idf = new Map<string, number>();
  for (const s of sigs) for (const k of s.concepts) idf.set(k, k === '#berg' ? 0.4 : 1.1);
  const concepts: ConceptIndex = {
    sigs: sigs.map((s) => ({ ...s, weight: 0, wordWeight: 0 })),
    postings: new Map(),
    idf,
    paraphrases: {},
    seats: {},
    rarest: 1.1,
    isPerson: (k) => k === '#berg',
  };
  for (const s of concepts.sigs) {
    s.weight = s.concepts.reduce((n, k) => n + (idf.get(k) ?? 0), 0);
    s.wordWeight = s.concepts.reduce((n, k) => n + (k.startsWith('#') ? 0 : (idf.get(k) ?? 0)), 0);
  }
  concepts.sigs.forEach((s, i) => {
    for (const k of s.concepts) concepts.postings.set(k, [...(concepts.postings.get(k) ?? []), i]);
  });
  const whole = buildWholeFacts(concepts);
  const speakers = new Set(['#berg']);
  // "Anna Berg, an engineer and rival of the governor, made a sudden departure in the winter."
  const combined = new Set(['#berg', 'engineer', 'rival', 'governor', 'sudden', 'departur', 'winter']);
  assert.deepEqual(conceptLinks(concepts, combined, { speakers }), [], 'no one member says enough of it');
  assert.deepEqual(wholeFactLinks(concepts, whole, combined, speakers), [0]);
  // "Anna Berg, an engineer, opened a bakery with her sister in the spring."
  const other = new Set(['#berg', 'engineer', 'open', 'bakery', 'sister', 'spring']);
  assert.deepEqual(wholeFactLinks(concepts, whole, other, speakers), [], 'most of it is in no fact of hers');
  assert.deepEqual(
    wholeFactLinks(concepts, whole, combined, new Set()),
    [],
    'a person named only inside a quotation anchors nothing',
  );
  // "Anna Berg, the engineer and rival of the governor, left on Thursday in July": the date is no
  // part of what it says (the page status compares it), so it does not dilute the coverage.
  const dated = new Set(['#berg', 'engineer', 'rival', 'governor', 'leav', 'thursday', 'july']);
  assert.deepEqual(wholeFactLinks(concepts, whole, dated, speakers), [0]);
  assert.deepEqual(
    wholeFactLinks(
      concepts,
      whole,
      new Set(['#berg', 'engineer', 'rival', 'leav', 'bakeri', 'thursday']),
      speakers,
    ),
    [],
    'without its date the rest still has to be covered',
  );
});

test('a sentence that opens with "She" is read as about the person the one before names', () => {
  const map = { quit: 'resign' };
  const matcher = createPageMatcher(buildMatcherData(index, map), facts);
  const second = 'She quit the municipal council following the harbour ballot.';
  const about = (first: string) => {
    const text = `${first} ${second}`;
    return matchText(matcher, text)
      .claims.filter((c) => c.start >= first.length)
      .flatMap((c) => c.ids);
  };
  assert.deepEqual(about('Anna Berg met reporters at the town hall on Monday.'), ['quit']);
  assert.deepEqual(about('The town hall was busy with reporters on Monday.'), [], 'no one named before');
  assert.deepEqual(
    about('Reporters quoted "Anna Berg" at the town hall on Monday.'),
    [],
    'a name inside a quotation is not who the text is about',
  );
});

test('a sentence that names no one links by the same duration and a word of what lasted', () => {
  const lasting: Fact[] = [
    makeFact(
      'strike',
      'corroborated',
      ['Anna Berg spoke as the dockers pressed on with a 14-week strike at the port.'],
      1,
    ),
    makeFact('ferry', 'single', ['The ferry to Oslo was cancelled because of the storm.'], 1),
  ];
  const matcher = createPageMatcher(buildMatcherData({ ...index, facts: lasting }, {}), lasting);
  const ids = (text: string) => matchText(matcher, text).claims.flatMap((c) => c.ids);
  assert.deepEqual(ids('Ships have waited offshore since the strike began 14 weeks ago.'), ['strike']);
  assert.deepEqual(
    ids('Ships have waited offshore since the strike began 9 weeks ago.'),
    [],
    'another figure',
  );
  assert.deepEqual(
    ids('The bakery on the corner closed its doors 14 weeks ago.'),
    [],
    'nothing of what lasted',
  );
});

test('a run of text with no full stop for thousands of characters (a list of names) is no claim', () => {
  const matcher = createPageMatcher(buildMatcherData(index, {}), facts);
  const claim = 'Mayor Anna Berg has resigned from the Arvik council after the harbour vote';
  assert.equal(matchText(matcher, `${claim}.`).claims.length, 1);
  const list = Array.from(
    { length: 120 },
    (_, i) => `reader${i} , ${i % 9 === 0 ? claim : 'harbour_fan'}`,
  ).join(' , ');
  assert.ok(list.length > 1500);
  assert.deepEqual(matchText(matcher, list).claims, []);
});

test('a day relative to an unknown date ("yesterday") is no value against a weekday', () => {
  const matcher = createPageMatcher(buildMatcherData(index, {}), facts);
  const status = (text: string) => matchText(matcher, text).claims.map((c) => [c.ids.join(), c.status]);
  assert.deepEqual(status('Anna Berg resigned from the Arvik council yesterday after the harbour vote.'), [
    ['quit', 'corroborated'],
  ]);
  assert.deepEqual(status('Anna Berg resigned from the Arvik council on Friday after the harbour vote.'), [
    ['quit', 'conflict'],
  ]);
});

test('compileSynonyms joins corpus nouns that share a first noun sense, not words mostly read otherwise', () => {
  const senses: Record<string, Sense[]> = {
    revolt: [{ words: ['rebellion', 'revolt', 'uprising'], related: [], pos: 'noun' }],
    uprising: [{ words: ['rebellion', 'revolt', 'uprising'], related: [], pos: 'noun' }],
    cannon: [
      { words: ['cannon'], related: [], pos: 'noun' },
      { words: ['artillery', 'cannon', 'ordnance'], related: [], pos: 'noun' },
    ],
    artillery: [{ words: ['artillery', 'cannon', 'ordnance'], related: [], pos: 'noun' }],
    // Shared only in third senses: not the words' common meaning.
    harbour: [
      { words: ['harbour'], related: [], pos: 'noun' },
      { words: ['harbour', 'seaport'], related: [], pos: 'noun' },
      { words: ['harbour', 'refuge'], related: [], pos: 'noun' },
    ],
    refuge: [
      { words: ['refuge'], related: [], pos: 'noun' },
      { words: ['asylum'], related: [], pos: 'noun' },
      { words: ['harbour', 'refuge'], related: [], pos: 'noun' },
    ],
    // "final" is mostly an adjective: its noun synset with "exam" says nothing of its use.
    final: [{ words: ['final', 'exam'], related: [], pos: 'noun' }],
    exam: [{ words: ['final', 'exam'], related: [], pos: 'noun' }],
    // A verb synset is no noun synonymy.
    quit: [{ words: ['quit', 'stop'], related: [], pos: 'verb' }],
    stop: [{ words: ['quit', 'stop'], related: [], pos: 'verb' }],
  };
  const lexicon: Lexicon = {
    senses: (w) => senses[w] ?? [],
    usage: (w) => (w === 'final' ? { noun: 1, adj: 5 } : { noun: 3 }),
  };
  const map = compileSynonyms(Object.keys(senses), lexicon);
  assert.equal(map.upriz, 'revolt');
  assert.equal(map.cannon, 'artillery', 'the second sense of one is the first of the other');
  assert.equal(map.refug ?? map.harbour, undefined);
  assert.equal(map.final ?? map.exam, undefined);
  assert.equal(map.stop ?? map.quit, undefined);
  // The page matcher reads them as one concept too.
  const paraphrases = compileParaphrases(Object.keys(senses), lexicon);
  assert.equal(paraphrases.upriz, 'revolt');
});

test('WordNet says how often a word is read in each part of speech', () => {
  const wordnet = openWordNet();
  try {
    const last = wordnet.usage('last');
    assert.ok((last.adj ?? 0) > (last.noun ?? 0), JSON.stringify(last));
    const regime = wordnet.usage('regime');
    assert.ok((regime.noun ?? 0) > 0 && regime.verb === undefined, JSON.stringify(regime));
  } finally {
    wordnet.close();
  }
});

/** A concept index over hand-made member signatures; a name weighs less than a word, as in a corpus. */
function conceptIndexOf(sigs: { fact: number; concepts: string[] }[], people: string[]): ConceptIndex {
  const idf = new Map<string, number>();
  for (const s of sigs) for (const k of s.concepts) idf.set(k, k.startsWith('#') ? 0.4 : 1.1);
  const index: ConceptIndex = {
    sigs: sigs.map((s) => ({
      ...s,
      weight: s.concepts.reduce((n, k) => n + (idf.get(k) ?? 0), 0),
      wordWeight: s.concepts.reduce((n, k) => n + (k.startsWith('#') ? 0 : (idf.get(k) ?? 0)), 0),
    })),
    postings: new Map(),
    idf,
    paraphrases: {},
    seats: {},
    rarest: 1.1,
    isPerson: (k) => people.includes(k),
  };
  index.sigs.forEach((s, i) => {
    for (const k of s.concepts) index.postings.set(k, [...(index.postings.get(k) ?? []), i]);
  });
  return index;
}

test('a member that is one word about a person links a sentence that says that word of them', () => {
  const index = conceptIndexOf(
    [
      { fact: 0, concepts: ['#berg', 'lutheran'] },
      { fact: 1, concepts: ['#berg', 'engineer', 'harbor', 'plan'] },
    ],
    ['#berg', '#dahl'],
  );
  const speakers = new Set(['#berg']);
  // "Anna Berg, a Lutheran, grew up on the coast."
  const page = new Set(['#berg', 'lutheran', 'grew', 'coast']);
  assert.deepEqual(conceptLinks(index, page, { strict: true, speakers }), [0]);
  assert.deepEqual(
    conceptLinks(index, page, { strict: true, speakers: new Set() }),
    [],
    'a person named only inside a quotation is not who the word is said of',
  );
  assert.deepEqual(
    conceptLinks(index, new Set(['#dahl', 'lutheran', 'grew', 'coast']), {
      strict: true,
      speakers: new Set(['#dahl']),
    }),
    [],
    'the word said of someone else',
  );
});

test('a sentence that holds every concept of a short member links it, however much more it says', () => {
  const index = conceptIndexOf(
    [
      { fact: 0, concepts: ['#berg', 'resign', 'council'] },
      { fact: 1, concepts: ['#berg', 'resign', 'council', 'harbor'] },
      { fact: 2, concepts: ['#dahl', 'end', 'decad', 'fight', 'budget', 'road', 'town', 'futur'] },
    ],
    ['#berg', '#dahl'],
  );
  // "Anna Berg resigned from the council on Monday, ending a decade of fights over budgets,
  // schools, roads and the town's future."
  const page = new Set([
    '#berg',
    'resign',
    'council',
    'end',
    'decad',
    'fight',
    'budget',
    'road',
    'town',
    'futur',
  ]);
  assert.deepEqual(conceptLinks(index, page, { strict: true }), [0]);
  assert.ok(
    !conceptLinks(index, new Set(['resign', 'council', 'end', 'decad', 'fight', 'road', 'town']), {
      strict: true,
    }).includes(0),
    'without the name the words alone are anyone’s',
  );
});

test('a piece of a sentence that names a person is read with the names in it, not the sentence’s others', () => {
  const member = (fact: number, name: string, text: string) => ({
    fact,
    concepts: [name, ...contentWords(text)],
  });
  const index = conceptIndexOf(
    [
      member(0, '#dahl', 'belongs to the old fishing elite of the north and its guilds and harbours'),
      member(1, '#berg', 'the fishing elite backed'),
      member(2, '#berg', 'praised the school budget'),
    ],
    ['#berg', '#dahl'],
  );
  const sentence = 'Like Anna Berg, the mayor who resigned, Jon Dahl belongs to the fishing elite.';
  const at = (name: string, entity: string) => {
    const start = sentence.indexOf(name);
    return { start, end: start + name.length, entity };
  };
  const named = [at('Anna Berg', 'berg'), at('Jon Dahl', 'dahl')];
  const entities = new Set(['berg', 'dahl']);
  const nameWords = new Set(contentWords('Anna Berg Jon Dahl'));
  assert.ok(
    clauseLinks(index, sentence, [], entities, nameWords, false, named).includes(0),
    'read with its own name, the piece states what Dahl is',
  );
  assert.ok(
    !clauseLinks(index, sentence, [], entities, nameWords, false, []).includes(0),
    'read with both names, the piece about Dahl reads as what the elite did for Berg',
  );
});

test('a piece that names nothing is read with the sentence’s people, not a place another piece names', () => {
  const index = conceptIndexOf(
    [{ fact: 0, concepts: contentWords('giving the rebel movement one of its biggest boosts') }],
    ['#berg'],
  );
  const sentence = 'In a huge boost for the rebel movement, the envoy of Arvik has resigned.';
  const start = sentence.indexOf('Arvik');
  const named = [{ start, end: start + 5, entity: 'arvik' }];
  const nameWords = new Set(contentWords('Arvik'));
  assert.deepEqual(clauseLinks(index, sentence, [], new Set(['arvik']), nameWords, false, named), [0]);
});

test('five shared words link at a lower share of the member than three do, with no name on either side', () => {
  const index = conceptIndexOf(
    [
      {
        fact: 0,
        concepts: [
          'allow',
          'council',
          'authoriz',
          'action',
          'rang',
          'economic',
          'sanction',
          'military',
          'strike',
        ],
      },
      { fact: 1, concepts: ['#berg', 'resign', 'council'] },
    ],
    ['#berg'],
  );
  // "allowing for military strikes and heavy economic sanctions"
  const five = new Set(['allow', 'military', 'strike', 'heavy', 'economic', 'sanction']);
  assert.deepEqual(conceptLinks(index, five, { strict: true }), [0]);
  // "allowing heavy economic sanctions": three words, a third of the member's
  assert.deepEqual(
    conceptLinks(index, new Set(['allow', 'heavy', 'economic', 'sanction']), { strict: true }),
    [],
  );
  assert.deepEqual(
    conceptLinks(index, new Set([...five, '#berg']), { strict: true }),
    [],
    'a name the member lacks: about someone else',
  );
});

test('a quoted piece is read without its speaker’s name, whole and between its "and"s', () => {
  const member = contentWords(
    'I urge all honest members of this party to follow my path because the council has turned it into an instrument against the people and their hopes of freedom',
  );
  const index = conceptIndexOf(
    [
      { fact: 0, concepts: member },
      { fact: 1, concepts: ['#berg', 'resign', 'council'] },
    ],
    ['#berg'],
  );
  const sentence =
    'Anna Berg spoke at the harbour and continued, "I call on all party members to do the same because the council has made it an instrument against the people and their hopes of freedom."';
  const named = [{ start: 0, end: 9, entity: 'berg' }];
  const nameWords = new Set(contentWords('Anna Berg'));
  assert.ok(
    clauseLinks(index, sentence, [], new Set(['berg']), nameWords, false, named).includes(0),
    'the quotation, read whole, states the member',
  );
});
