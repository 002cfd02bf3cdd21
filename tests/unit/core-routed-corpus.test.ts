/**
 * A large reader's corpus read by story: a page loads the shards it shares two names with, ids
 * given to earlier pages stay valid as shards are added, a small corpus is read whole at wake, and
 * a damaged shard is named and left out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asRawArticle, makeRecord } from '../../src/core/corpus/article-record.ts';
import { HELD_SHARDS, RoutedCorpus, WAKE_ARTICLES } from '../../src/core/corpus/routed-corpus.ts';
import { buildRoutes, routeText } from '../../src/core/corpus/shard-routes.ts';
import type { Shard } from '../../src/core/corpus/shards.ts';
import { nameKeys } from '../../src/core/entities/name-key.ts';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { buildIndex } from '../../src/indexer/build-index.ts';

const meta = { outlet: null, label: null, title: null, url: null, published: null };
const now = new Date('2031-05-06T10:00:00Z');

const shard = (id: string, names: string[], articles = 1): Shard => ({
  id,
  articles: Array.from({ length: articles }, (_, i) => `${id}-${i}`),
  // Keys as placement makes them: spelling keys of each name.
  names: Object.fromEntries(names.map((n) => [nameKeys(n).join(' '), 1])),
});

test('a page is routed to the shards it shares two names with, most shared first', () => {
  const routes = buildRoutes([
    shard('harbour', ['kimani', 'nairobi', 'port authority']),
    shard('flood', ['nairobi', 'otieno']),
    shard('budget', ['arvenia', 'valmora', 'treasury']),
  ]);
  const page = [
    'Dock workers in Nairobi walked out on Monday, the Port Authority said.',
    'Mr. Kimani, the union leader, said the strike would go on.',
  ];
  assert.deepEqual(
    routeText(routes, page),
    ['harbour'],
    'three names shared with one shard, one with another',
  );
  assert.deepEqual(
    routeText(routes, ['Nairobi residents were told by Otieno’s office to stay home.']),
    ['flood'],
    'a possessive is read as the name',
  );
  assert.deepEqual(
    routeText(routes, ['Nairobi was quiet.', 'The Treasury said nothing.']),
    [],
    'one name in common is not the same story',
  );
  assert.deepEqual(
    routeText(routes, ['the port authority of nairobi and kimani']),
    [],
    'lower-case words are not names',
  );
});

function built(texts: string[]): string {
  const records = texts.map((t, i) => makeRecord(`${i}.txt`, t, meta, now));
  return JSON.stringify(buildIndex(records.map(asRawArticle)));
}

const HARBOUR = [
  'Dock workers at Nairobi port went on strike on Monday, union leader Peter Kimani said. The Port Authority said 3,000 workers stayed home.',
  'Peter Kimani told reporters in Nairobi that 3,000 dock workers joined the strike on Monday. The Port Authority called for talks.',
];
const BUDGET = [
  'Arvenia cut its budget by 12 percent on Tuesday, finance minister Lena Valmora said. The Treasury said schools would be spared.',
  'Finance minister Lena Valmora said Arvenia would cut spending by 12 percent, the Treasury confirmed on Tuesday.',
];

test('a large corpus holds no shard at wake, adds the ones a page names, and keeps earlier ids', async () => {
  const big = Math.ceil((WAKE_ARTICLES + 1) / 2);
  const shards = [
    shard('harbour', ['kimani', 'nairobi', 'port authority'], big),
    shard('budget', ['arvenia', 'valmora', 'treasury'], big),
  ];
  const jsons = new Map([
    ['harbour', built(HARBOUR)],
    ['budget', built(BUDGET)],
  ]);
  const asked: (string[] | null)[] = [];
  const read = async (ids: string[] | null) => {
    asked.push(ids);
    return (ids ?? [...jsons.keys()]).map((id) => ({ id, json: jsons.get(id) as string }));
  };
  const problems: string[] = [];
  const corpus = await RoutedCorpus.open([], shards, read, problems);
  assert.ok(corpus.routed, `more than ${WAKE_ARTICLES} articles are read by story`);
  assert.equal(corpus.index.sources.length, 0, 'nothing is read at wake');
  assert.deepEqual(asked, [], 'no shard was read at wake');

  const first = await corpus.forText(['Peter Kimani spoke in Nairobi for the Port Authority strikers.']);
  assert.deepEqual(corpus.heldShards, ['harbour'], 'the page on the strike reads its shard');
  const strikeFacts = first.facts.map((f) => `${f.id} ${f.label}`);
  assert.ok(strikeFacts.length > 0, 'the strike shard has facts');

  const second = await corpus.forText(['Lena Valmora said Arvenia would spare schools.']);
  assert.deepEqual(corpus.heldShards, ['harbour', 'budget'], 'a second story is added after the first');
  assert.deepEqual(
    second.facts.slice(0, strikeFacts.length).map((f) => `${f.id} ${f.label}`),
    strikeFacts,
    'the first page’s fact ids still name the same facts',
  );
  assert.equal(
    await corpus.forText(['Peter Kimani in Nairobi, the Port Authority']),
    second,
    'a story already held reads nothing again',
  );
  assert.deepEqual(asked, [['harbour'], ['budget']], 'each shard was read once, when first named');
  assert.deepEqual(problems, [], 'nothing was damaged');
});

test('a lookup of one name reads the stories that name it; a page needs two', async () => {
  const big = Math.ceil((WAKE_ARTICLES + 1) / 2);
  const shards = [
    shard('harbour', ['Kimani', 'Nairobi', 'Port Authority'], big),
    shard('budget', ['Arvenia', 'Valmora', 'Treasury'], big),
  ];
  const jsons = new Map([
    ['harbour', built(HARBOUR)],
    ['budget', built(BUDGET)],
  ]);
  const read = async (ids: string[] | null) =>
    (ids ?? []).map((id) => ({ id, json: jsons.get(id) as string }));
  const corpus = await RoutedCorpus.open([], shards, read, []);
  await corpus.forText(['Valmora']);
  assert.deepEqual(corpus.heldShards, [], 'one name is not a page on the story');
  await corpus.forText(['Valmora'], 1);
  assert.deepEqual(corpus.heldShards, ['budget'], 'a lookup of one name reads its story');
  await corpus.forArticle('harbour-3');
  assert.deepEqual(
    corpus.heldShards,
    ['budget', 'harbour'],
    'an article opened from the list reads its story',
  );
  await corpus.forArticle('not-stored');
  assert.deepEqual(corpus.heldShards, ['budget', 'harbour'], 'an unknown article reads nothing');
});

test('a small corpus is read whole at wake; a damaged build is named and left out', async () => {
  const shards = [shard('harbour', ['kimani', 'nairobi']), shard('budget', ['arvenia', 'valmora'])];
  const read = async () => [
    { id: 'harbour', json: built(HARBOUR) },
    { id: 'budget', json: '{"version": 3, "sources": [' },
  ];
  const problems: string[] = [];
  const corpus = await RoutedCorpus.open([], shards, read, problems);
  assert.equal(corpus.routed, false, 'a small corpus is held whole');
  assert.equal(corpus.index.sources.length, 2, 'the good shard is read at wake');
  assert.equal(problems.length, 1, `the damaged story is named once: ${problems.join('; ')}`);
  assert.match(problems[0] ?? '', /damaged and was left out/, 'the message says what was lost');
});

test('past the held limit, the held set starts again from the page at hand', async () => {
  const shards: Shard[] = [];
  const jsons = new Map<string, string>();
  const one = built(HARBOUR.slice(0, 1));
  for (let i = 0; i <= HELD_SHARDS; i++) {
    shards.push(shard(`s${i}`, [`alpha${i}`, `beta${i}`], Math.ceil((WAKE_ARTICLES + 1) / HELD_SHARDS)));
    jsons.set(`s${i}`, one);
  }
  const read = async (ids: string[] | null) =>
    (ids ?? []).map((id) => ({ id, json: jsons.get(id) as string }));
  const corpus = await RoutedCorpus.open([], shards, read, []);
  let index: CorpusIndex = corpus.index;
  for (let i = 0; i < HELD_SHARDS; i++) index = await corpus.forText([`Alpha${i} met Beta${i}.`]);
  assert.equal(corpus.heldShards.length, HELD_SHARDS, 'held up to the limit');
  assert.equal(index.sources.length, HELD_SHARDS, 'one source per held shard');
  await corpus.forText([`Alpha${HELD_SHARDS} met Beta${HELD_SHARDS}.`]);
  assert.deepEqual(corpus.heldShards, [`s${HELD_SHARDS}`], 'the next story starts the held set again');
});
