/**
 * The reader's corpus in story shards: articles joined by the names they share. Adding an article
 * rebuilds only the shard it joins, so a corpus of thousands grows by one article in the time of
 * one story; facts are grouped within a shard, and shards are matched together as merged indexes.
 *
 * Placement is sticky: an article stays in its shard until it is removed. A new article joins the
 * shard whose articles share at least {@link SHARED_NAMES} of its names; when it bridges several,
 * they become one if the result stays within the cap, else it joins the one it shares most with.
 */
import { nameKeys } from '../entities/name-key.ts';
import type { CorpusIndex } from '../index/schema.ts';

/** Names two articles must share to be read as one story. */
export const SHARED_NAMES = 2;
/** Most articles in one shard: bounds the time to add an article (a build is linear in articles). */
export const SHARD_CAP = 120;

export interface Shard {
  id: string;
  /** Record ids, in the order they joined. */
  articles: string[];
  /** Each name key, with how many of the shard's articles name it. */
  names: Record<string, number>;
}

export interface Placed {
  id: string;
  names: string[];
}

/**
 * The name keys an article is placed by, from the index of that article alone: each person's
 * surname, and each place and organisation whole ("Kimani", "Nairobi", "Port Authority").
 */
export function placementNames(index: CorpusIndex): string[] {
  const out = new Set<string>();
  for (const e of index.entities) {
    if (e.type === 'other') continue;
    const keys = nameKeys(e.name);
    // A person by surname (outlets differ on given names and titles); a place or body whole.
    const key = e.type === 'person' ? keys.at(-1) : keys.join(' ');
    if (key && key.length > 2) out.add(key);
  }
  return [...out].sort();
}

function shared(shard: Shard, names: readonly string[]): number {
  let n = 0;
  for (const name of names) if (shard.names[name]) n++;
  return n;
}

function count(shard: Shard, names: readonly string[], by: 1 | -1): void {
  for (const name of names) {
    const n = (shard.names[name] ?? 0) + by;
    if (n > 0) shard.names[name] = n;
    else delete shard.names[name];
  }
}

export interface Plan {
  shards: Shard[];
  /** Shards whose articles changed: to be built again. */
  dirty: Set<string>;
  /** Shards gone (emptied, or joined into another): their built indexes are deleted. */
  dropped: Set<string>;
}

/**
 * Places new articles and takes removed ones out. `namesOf` gives a removed article's placement
 * names (they are stored with its placement). The input shards are not changed.
 */
export function planShards(
  current: readonly Shard[],
  added: readonly Placed[],
  removed: readonly Placed[],
  cap = SHARD_CAP,
): Plan {
  const shards = current.map((s) => ({ id: s.id, articles: [...s.articles], names: { ...s.names } }));
  const dirty = new Set<string>();
  const dropped = new Set<string>();
  const byArticle = new Map<string, Shard>();
  for (const s of shards) for (const a of s.articles) byArticle.set(a, s);

  for (const r of removed) {
    const shard = byArticle.get(r.id);
    if (!shard) continue;
    shard.articles = shard.articles.filter((a) => a !== r.id);
    count(shard, r.names, -1);
    byArticle.delete(r.id);
    dirty.add(shard.id);
  }

  for (const a of added) {
    if (byArticle.has(a.id)) continue;
    const live = shards.filter((s) => s.articles.length > 0);
    const joined = live
      .map((s) => ({ s, n: shared(s, a.names) }))
      .filter((x) => x.n >= SHARED_NAMES)
      .sort((x, y) => y.n - x.n || y.s.articles.length - x.s.articles.length);
    let home: Shard | undefined;
    if (joined.length > 0) {
      const total = joined.reduce((sum, x) => sum + x.s.articles.length, 0);
      if (total < cap) {
        home = joined[0]?.s as Shard;
        for (const { s } of joined.slice(1)) {
          for (const id of s.articles) byArticle.set(id, home);
          home.articles.push(...s.articles);
          for (const [name, n] of Object.entries(s.names)) home.names[name] = (home.names[name] ?? 0) + n;
          s.articles = [];
          s.names = {};
          dropped.add(s.id);
          dirty.delete(s.id);
        }
      } else home = joined.find((x) => x.s.articles.length < cap)?.s;
    }
    if (!home) {
      home = { id: `h${a.id.slice(1)}`, articles: [], names: {} };
      shards.push(home);
    }
    home.articles.push(a.id);
    count(home, a.names, 1);
    byArticle.set(a.id, home);
    dirty.add(home.id);
  }

  for (const s of shards)
    if (s.articles.length === 0) {
      dropped.add(s.id);
      dirty.delete(s.id);
    }
  const live = shards.filter((s) => s.articles.length > 0);
  // A shard made again under an id that was dropped (its first article removed, then added back).
  for (const s of live) dropped.delete(s.id);
  return { shards: live, dirty, dropped };
}
