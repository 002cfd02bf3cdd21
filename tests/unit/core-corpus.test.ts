/**
 * The reader's corpus in the core: reading imported files (each bad one named, the rest kept),
 * stored records, the export round trip, and story shards.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { articleMeta } from '../../src/core/corpus/article-meta.ts';
import { articleId, checkRecord, makeRecord } from '../../src/core/corpus/article-record.ts';
import { makeExport } from '../../src/core/corpus/corpus-export.ts';
import { type ImportFile, readImport } from '../../src/core/corpus/import-files.ts';
import { placementNames, planShards, type Shard } from '../../src/core/corpus/shards.ts';
import { nameKeys } from '../../src/core/entities/name-key.ts';
import { buildIndex } from '../../src/indexer/build-index.ts';
import { ROOT } from '../support/paths.ts';

const enc = new TextEncoder();
const file = (p: string, text: string | Uint8Array): ImportFile => ({
  path: p,
  bytes: typeof text === 'string' ? enc.encode(text) : text,
});
const now = new Date('2031-05-06T10:00:00Z');
const noHtml = () => {
  throw new Error('no html expected');
};
const HARBOUR = path.join(ROOT, 'tests/fixtures/corpus-harbour');
const harbour = (name: string) => readFileSync(path.join(HARBOUR, name));

test('a folder import reads its .txt files with their sources.json entries, and names each bad file', () => {
  const files = [
    file('harbour/01_tribune.txt', harbour('01_tribune.txt')),
    file('harbour/02_courier.txt', harbour('02_courier.txt')),
    file('harbour/sources.json', harbour('sources.json')),
    file('harbour/broken.json', '{"text": "Dock workers'),
    file('harbour/binary.txt', new Uint8Array([72, 105, 0, 1, 2])),
    file('harbour/photo.png', new Uint8Array([137, 80, 78, 71])),
    file('harbour/empty.txt', '   \n'),
  ];
  const read = readImport(files, noHtml, now);
  assert.equal(read.articles.length, 2, 'the two good articles are kept');
  const listed = JSON.parse(harbour('sources.json').toString()).sources as { file: string; outlet: string }[];
  const tribune = read.articles.find((a) => a.name === '01_tribune.txt');
  assert.equal(
    tribune?.meta.outlet,
    listed.find((s) => s.file === '01_tribune.txt')?.outlet,
    'outlet from sources.json',
  );
  assert.equal(
    tribune?.id,
    articleId(harbour('01_tribune.txt').toString()),
    'the id is the hash of the text',
  );
  assert.equal(tribune?.meta.file, tribune?.id, "the source's file is the record id");
  const problems = read.problems.join('\n');
  for (const name of ['broken.json', 'binary.txt', 'photo.png', 'empty.txt'])
    assert.match(
      problems,
      new RegExp(`harbour/${name.replace('.', '\\.')}`),
      `${name} is named: ${problems}`,
    );
  assert.match(problems, /binary\.txt:1:1: binary file/, 'the binary file says what it is');
});

test('a sources.json that is malformed is reported and its articles come in without it', () => {
  const read = readImport(
    [file('f/a.txt', 'Dock workers walked out on Monday.'), file('f/sources.json', '{"sources": [')],
    noHtml,
    now,
  );
  assert.equal(read.articles.length, 1, 'the article is kept');
  assert.match(read.problems[0] ?? '', /^f\/sources\.json:1:\d+: malformed JSON .*imported without it/);
});

test('JSON files: one article, a list of articles, an index.json, and a corpus export', () => {
  const index = buildIndex([
    {
      file: 'x.txt',
      text: 'Dock workers in Valmora walked out on Monday.',
      meta: { file: 'x.txt', outlet: 'Tribune', label: null, title: null, url: null, published: null },
    },
  ]);
  const record = makeRecord(
    'kept.txt',
    'Katarina Vellinova said the strike would go on.',
    { outlet: 'Courier', label: null, title: 'Strike', url: null, published: '2031-05-05' },
    now,
  );
  const exported = makeExport([record], [], false, now);
  const read = readImport(
    [
      file(
        'one.json',
        JSON.stringify({
          text: 'The harbour authority cut overtime pay.',
          title: 'Pay cut',
          published: '2031-05-04',
        }),
      ),
      file('many.json', JSON.stringify([{ text: 'About 2,500 workers joined.' }, { title: 'no text' }])),
      file('index.json', JSON.stringify(index)),
      file('bad-index.json', JSON.stringify({ ...index, facts: [{ id: 3 }] })),
      file('corpus.json', JSON.stringify(exported)),
    ],
    noHtml,
    now,
  );
  assert.deepEqual(
    read.articles.map((a) => a.name).sort(),
    ['Pay cut', 'kept.txt', 'many.json'],
    'articles from the article files and the export',
  );
  assert.equal(
    read.articles.find((a) => a.name === 'Pay cut')?.meta.published,
    '2031-05-04',
    'its date is kept',
  );
  assert.equal(read.indexes.length, 1, 'the good index.json is kept');
  assert.equal(read.indexes[0]?.index.sources.length, 1, 'with its source');
  assert.equal(read.bundled, false, "the export's bundled setting comes back");
  assert.equal(read.problems.length, 2, `two problems: ${read.problems.join(' | ')}`);
  assert.match(read.problems.join('\n'), /many\.json\[1\]: no "text"/);
  assert.match(read.problems.join('\n'), /bad-index\.json: invalid index: facts\[0\]/);
});

test('an HTML file is read by the shell, and sources.json wins over what the page says', () => {
  const read = readImport(
    [
      file('d/page.html', '<p>ignored by this reader</p>'),
      file('d/sources.json', JSON.stringify({ sources: [{ file: 'page.html', outlet: 'Listed outlet' }] })),
    ],
    () => ({
      text: 'Dock workers walked out.',
      meta: { outlet: 'Page outlet', label: null, title: 'From the page', url: null, published: null },
    }),
    now,
  );
  assert.equal(read.articles[0]?.meta.outlet, 'Listed outlet');
  assert.equal(read.articles[0]?.meta.title, 'From the page');
});

test('a stored record is checked against its text, and an export survives the round trip', () => {
  const record = makeRecord(
    'a.txt',
    'Dock workers walked out.',
    { outlet: null, label: null, title: null, url: null, published: null },
    now,
    'https://example.org/a',
  );
  assert.deepEqual(checkRecord(JSON.parse(JSON.stringify(record))), record, 'a record reads back as itself');
  assert.match(String(checkRecord({ ...record, text: 'Something else.' })), /does not match its text/);
  assert.match(String(checkRecord({ ...record, added: 'yesterday' })), /added/);
  const again = readImport(
    [file('c.json', JSON.stringify(makeExport([record], [], true, now)))],
    noHtml,
    now,
  );
  assert.deepEqual(again.articles, [record], 'the export imports back losslessly');
  const newer = readImport(
    [file('n.json', JSON.stringify({ kind: 'crossread-corpus', version: 9 }))],
    noHtml,
    now,
  );
  assert.match(
    newer.problems.join(''),
    /n\.json: corpus export version 9/,
    'a newer export is refused by name',
  );
});

test('the placement names of an article are its people, places and organisations', () => {
  const index = buildIndex([
    {
      file: 'x.txt',
      text: 'Katarina Vellinova, who leads the Valmora Dockers Union, said workers in Valmora would strike.',
      meta: { file: 'x.txt', outlet: null, label: null, title: null, url: null, published: null },
    },
  ]);
  const names = placementNames(index);
  assert.ok(names.includes(nameKeys('Valmora').join(' ')), `the place in ${names}`);
  assert.ok(names.includes(nameKeys('Vellinova').join(' ')), `the surname in ${names}`);
  assert.ok(names.includes(nameKeys('Valmora Dockers Union').join(' ')), `the union whole in ${names}`);
  assert.ok(!names.includes(nameKeys('Katarina').join(' ')), `no given name in ${names}`);
});

test('shards: articles sharing two names join; a bridge merges; removal rebuilds only its shard', () => {
  let plan = planShards([], [{ id: 'a1', names: ['kimani', 'nairobi', 'port'] }], []);
  assert.equal(plan.shards.length, 1);
  plan = planShards(
    plan.shards,
    [
      { id: 'a2', names: ['kimani', 'nairobi'] },
      { id: 'a3', names: ['valmora', 'vellinova'] },
    ],
    [],
  );
  assert.equal(plan.shards.length, 2, 'a2 joins a1; a3 starts its own');
  assert.deepEqual([...plan.dirty].length, 2);
  const first = plan.shards.find((s) => s.articles.includes('a1')) as Shard;
  assert.deepEqual(first.articles, ['a1', 'a2']);
  const unrelated = planShards(plan.shards, [{ id: 'a4', names: ['kimani', 'arvenia'] }], []);
  assert.equal(unrelated.shards.length, 3, 'one shared name is not a story');
  assert.deepEqual([...unrelated.dirty], ['h4'], 'only the new shard is built');
  const bridge = planShards(
    plan.shards,
    [{ id: 'a5', names: ['kimani', 'nairobi', 'valmora', 'vellinova'] }],
    [],
  );
  assert.equal(bridge.shards.length, 1, 'an article naming both stories joins them');
  assert.equal(bridge.dropped.size, 1, 'the absorbed shard is dropped');
  const removed = planShards(plan.shards, [], [{ id: 'a3', names: ['valmora', 'vellinova'] }]);
  assert.equal(removed.shards.length, 1);
  assert.deepEqual([...removed.dropped], ['h3'], 'an emptied shard is dropped');
  assert.equal(removed.dirty.size, 0);
  const capped = planShards(plan.shards, [{ id: 'a6', names: ['kimani', 'nairobi'] }], [], 2);
  assert.equal(capped.shards.length, 3, 'a full shard is not joined');
});

test('article metadata: meta tags first, then JSON-LD, then the page; addresses resolved; headline leads', () => {
  const resolve = (url: string, base: string | null) => {
    try {
      return new URL(url, base ?? undefined).href;
    } catch {
      return null;
    }
  };
  const head = {
    meta: { 'og:site_name': 'Valmora Tribune', 'twitter:title': 'Harbour strike spreads' },
    canonical: '/news/harbour-strike',
    ld: [
      '{"@graph": [{"@type": "NewsArticle", "headline": "Not this one", "datePublished": "2031-05-06T08:00:00Z", "publisher": {"name": "Other"}}]}',
      '{broken',
    ],
    h1: '  Harbour   strike ',
    time: '2030-01-01',
  };
  const read = articleMeta(head, 'Dock workers walked out.', 'https://tribune.example/x?utm=1', resolve);
  assert.deepEqual(
    read.meta,
    {
      outlet: 'Valmora Tribune',
      label: null,
      title: 'Harbour strike spreads',
      url: 'https://tribune.example/news/harbour-strike',
      published: '2031-05-06',
    },
    'meta tags win, JSON-LD gives the date, the canonical is resolved against the page',
  );
  assert.equal(
    read.text,
    'Harbour strike spreads\n\nDock workers walked out.',
    'the headline leads the text',
  );
  const bare = articleMeta(
    { meta: {}, canonical: 'not a url', ld: [], h1: 'Only a heading', time: '2031-05-07T10:00' },
    'Only a heading\n\nBody.',
    null,
    resolve,
  );
  assert.deepEqual(
    bare.meta,
    { outlet: null, label: null, title: 'Only a heading', url: null, published: '2031-05-07' },
    'an imported file: the heading and time element, no address',
  );
  assert.equal(bare.text, 'Only a heading\n\nBody.', 'a headline already leading is not repeated');
});
