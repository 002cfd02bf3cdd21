/**
 * A reader's corpus of N generated articles (scripts/gen-corpus.ts) as the worker would have
 * stored it: records, placements, shards with their fact counts, and each shard's built index.
 * Built with the worker's own steps (placement, planShards, buildIndex) and cached in the temp
 * folder, since 10,000 articles take a minute or two to index.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ArticleRecord, asRawArticle, makeRecord } from '../src/core/corpus/article-record.ts';
import { placementNames, planShards, type Shard } from '../src/core/corpus/shards.ts';
import { buildIndex } from '../src/core/index/build-index.ts';
import { analyse } from '../src/indexer/nlp.ts';
import { article } from './gen-corpus.ts';

export interface ReaderCorpus {
  records: ArticleRecord[];
  placements: { id: string; names: string[] }[];
  shards: (Shard & { facts: Record<string, number> })[];
  built: { id: string; json: string; built: string }[];
}

const meta = { outlet: null, label: null, title: null, url: null, published: null };
const now = new Date('2031-05-06T10:00:00Z');

/** N distinct generated records (ids are text hashes: repeated texts are generated past). */
export function readerRecords(n: number): ArticleRecord[] {
  const records: ArticleRecord[] = [];
  const seen = new Set<string>();
  for (let i = 0; records.length < n; i++) {
    const r = makeRecord(`${i}.txt`, article(i), meta, now);
    if (!seen.has(r.id)) records.push(r);
    seen.add(r.id);
  }
  return records;
}

export async function readerCorpus(n: number): Promise<ReaderCorpus> {
  const cache = path.join(tmpdir(), `crossread-bench-reader-${n}.json`);
  if (existsSync(cache)) return JSON.parse(await readFile(cache, 'utf8')) as ReaderCorpus;
  console.log(`indexing a reader's corpus of ${n} articles (cached for later runs) …`);
  const deps = { analyse };
  const records = readerRecords(n);
  const byId = new Map(records.map((r) => [r.id, r]));
  const placements = records.map((r) => ({
    id: r.id,
    names: placementNames(buildIndex([asRawArticle(r)], deps)),
  }));
  const plan = planShards([], placements, []);
  const shards: ReaderCorpus['shards'] = [];
  const built: ReaderCorpus['built'] = [];
  for (const shard of plan.shards) {
    const index = buildIndex(
      shard.articles.map((a) => asRawArticle(byId.get(a) as ArticleRecord)),
      deps,
    );
    const fileOf = new Map(index.sources.map((s) => [s.id, s.file]));
    const facts: Record<string, number> = {};
    for (const f of index.facts)
      for (const id of new Set(f.members.map((m) => fileOf.get(m.source) as string)))
        facts[id] = (facts[id] ?? 0) + 1;
    shards.push({ ...shard, facts });
    built.push({ id: shard.id, json: JSON.stringify(index), built: now.toISOString() });
  }
  const corpus = { records, placements, shards, built };
  await writeFile(cache, JSON.stringify(corpus));
  return corpus;
}
