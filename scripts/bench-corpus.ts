/**
 * The reader's corpus bench: what adding one article costs when the reader's corpus already holds
 * 1,000 (target ≤ 1 s, and only its story's shard is built again), the time to import the 1,000,
 * shard sizes, and the background's read of the corpus afterwards (merging the bundled index
 * with every shard). Runs the worker's own steps (core placement, planShards, buildIndex without
 * a lexicon) on generated articles in Node; IndexedDB's part is the structured clone of the
 * built JSON strings, measured in the browser tests' timings, not here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asRawArticle } from '../src/core/corpus/article-record.ts';
import { placementNames, planShards, SHARD_CAP, type Shard } from '../src/core/corpus/shards.ts';
import { buildIndex } from '../src/core/index/build-index.ts';
import { mergeIndexes } from '../src/core/index/merge.ts';
import type { CorpusIndex } from '../src/core/index/schema.ts';
import { parseIndex } from '../src/core/index/validate.ts';
import { analyse } from '../src/indexer/nlp.ts';
import { readerRecords } from './reader-corpus-fixture.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1000);
const deps = { analyse };

const records = readerRecords(N + 1);
// The article added last is one from the middle of the corpus: it joins a story already there.
const held = Math.floor(N / 2);
records.push(...records.splice(held, 1));
const byId = new Map(records.map((r) => [r.id, r]));
const names = (i: number) => placementNames(buildIndex([asRawArticle(records[i]!)], deps));

// Warm the model, as a running worker has.
names(0);

function buildShards(shards: Shard[], ids: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of shards)
    if (ids.has(s.id))
      out.set(
        s.id,
        JSON.stringify(
          buildIndex(
            s.articles.map((a) => asRawArticle(byId.get(a)!)),
            deps,
          ),
        ),
      );
  return out;
}

let t = performance.now();
const placed = records.slice(0, N).map((r, i) => ({ id: r.id, names: names(i) }));
let plan = planShards([], placed, []);
const built = buildShards(plan.shards, plan.dirty);
const importMs = performance.now() - t;

t = performance.now();
const next = { id: records[N]!.id, names: names(N) };
const addPlan = planShards(plan.shards, [next], []);
const rebuilt = buildShards(addPlan.shards, addPlan.dirty);
const addMs = performance.now() - t;
for (const [id, json] of rebuilt) built.set(id, json);
for (const id of addPlan.dropped) built.delete(id);
plan = addPlan;

const seed = parseIndex(
  await readFile(path.join(root, 'dist/chrome/index.json'), 'utf8').catch(() => ''),
) as CorpusIndex;
t = performance.now();
const parts = [
  { index: seed, corpus: 'bundled' },
  ...[...built.values()].map((json) => ({ index: parseIndex(json), corpus: 'reader' })),
];
const merged = mergeIndexes(parts);
const readMs = performance.now() - t;

// The worst case for one add: the article joins a shard at the cap, all of which is built again.
t = performance.now();
buildIndex(records.slice(0, SHARD_CAP).map(asRawArticle), deps);
const fullMs = performance.now() - t;

const sizes = plan.shards.map((s) => s.articles.length).sort((a, b) => a - b);
const home = addPlan.shards.find((s) => s.articles.includes(next.id))!;
const rows: [string, string][] = [
  ['reader articles', String(N)],
  [
    'shards',
    `${sizes.length} (sizes ${sizes[0]}…${sizes.at(-1)}, median ${sizes[Math.floor(sizes.length / 2)]})`,
  ],
  ['import all, ms', importMs.toFixed(0)],
  [
    'add one, ms',
    `${addMs.toFixed(0)} (built ${addPlan.dirty.size} shard of ${home.articles.length} articles)`,
  ],
  [`full shard (${SHARD_CAP}), ms`, fullMs.toFixed(0)],
  [
    'read + merge all, ms',
    `${readMs.toFixed(0)} (${merged.sources.length} sources, ${merged.facts.length} facts)`,
  ],
  ['built JSON, MB', ([...built.values()].reduce((n, j) => n + j.length, 0) / 1e6).toFixed(1)],
];
for (const [k, v] of rows) console.log(`${k.padEnd(22)}${v}`);
const missed: string[] = [];
if (fullMs > 1000) missed.push(`building a full shard took ${fullMs.toFixed(0)} ms (target ≤ 1000)`);
if (addMs > 1000) missed.push(`adding one article to ${N} took ${addMs.toFixed(0)} ms (target ≤ 1000)`);
if (addPlan.dirty.size !== 1)
  missed.push(`adding one article built ${addPlan.dirty.size} shards (expected 1)`);
if (missed.length) {
  console.error(`bench-corpus: MISSED: ${missed.join('; ')}`);
  process.exit(1);
}
console.log('bench-corpus: all targets met');
