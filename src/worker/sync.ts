/**
 * Brings the built shard indexes up to date with the stored articles: new articles are placed
 * (by the names an index of that article alone finds), removed ones taken out, and only the
 * shards that changed are built again. Idempotent: a sync cut short is finished by the next one.
 */

import { asRawArticle } from '../core/corpus/article-record.ts';
import { type Placed, placementNames, planShards } from '../core/corpus/shards.ts';
import { type Analyse, buildIndex } from '../core/index/build-index.ts';
import type { SyncResult } from '../messaging/indexer-protocol.ts';
import {
  type BuiltShard,
  getKeys,
  type Placement,
  readArticles,
  readShards,
  transact,
} from '../store/corpus-db.ts';

export async function syncCorpus(analyse: Analyse, now: () => Date): Promise<SyncResult> {
  const started = performance.now();
  const deps = { analyse };
  const ids = await transact(['articles'], 'readonly', (t) => getKeys(t, 'articles'));
  const { shards, placements } = await readShards();
  const stored = new Set(ids);
  const placed = new Map(placements.map((p) => [p.id, p]));
  const problems: string[] = [];

  const fresh = ids.filter((id) => !placed.has(id));
  const read = await readArticles(fresh);
  problems.push(...read.problems);
  const added: Placed[] = [];
  for (const record of read.articles) {
    try {
      added.push({ id: record.id, names: placementNames(buildIndex([asRawArticle(record)], deps)) });
    } catch (error) {
      problems.push(`“${record.name}” could not be indexed: ${(error as Error).message}`);
    }
  }
  const removed: Placed[] = placements.filter((p) => !stored.has(p.id));
  const plan = planShards(shards, added, removed);

  const builds: BuiltShard[] = [];
  // A shard that fails to build keeps the fact counts of its last build, and is marked stale so
  // the next sync builds it again.
  const facts = new Map(shards.map((s) => [s.id, s.facts]));
  const stale = new Set(shards.filter((s) => s.stale).map((s) => s.id));
  const rebuild = new Set([...plan.dirty, ...[...stale].filter((id) => !plan.dropped.has(id))]);
  for (const shard of plan.shards) {
    if (!rebuild.has(shard.id)) continue;
    const { articles, problems: bad } = await readArticles(shard.articles);
    problems.push(...bad);
    try {
      const index = buildIndex(articles.map(asRawArticle), deps);
      const counts: Record<string, number> = {};
      const fileOf = new Map(index.sources.map((s) => [s.id, s.file]));
      for (const f of index.facts)
        for (const id of new Set(f.members.map((m) => fileOf.get(m.source) as string)))
          counts[id] = (counts[id] ?? 0) + 1;
      facts.set(shard.id, counts);
      stale.delete(shard.id);
      builds.push({ id: shard.id, json: JSON.stringify(index), built: now().toISOString() });
    } catch (error) {
      stale.add(shard.id);
      problems.push(
        `a story of ${articles.length} articles could not be indexed: ${(error as Error).message}`,
      );
    }
  }

  // Only the articles that were placed: one that could not be indexed is tried again next time.
  const newPlacements: Placement[] = added.map(({ id, names }) => ({ id, names }));
  await transact(['shards', 'placements', 'built'], 'readwrite', (t) => {
    for (const id of plan.dropped) {
      t.objectStore('shards').delete(id);
      t.objectStore('built').delete(id);
    }
    for (const r of removed) t.objectStore('placements').delete(r.id);
    for (const shard of plan.shards)
      if (rebuild.has(shard.id))
        t.objectStore('shards').put({
          ...shard,
          facts: facts.get(shard.id),
          ...(stale.has(shard.id) ? { stale: true } : {}),
        });
    for (const p of newPlacements) t.objectStore('placements').put(p);
    for (const b of builds) t.objectStore('built').put(b);
  });
  return {
    built: builds.length,
    dropped: plan.dropped.size,
    articles: ids.length,
    problems,
    ms: performance.now() - started,
  };
}
