/**
 * Which of the reader's story shards a page is about, from the names it prints. A large corpus is
 * not read whole when the background wakes: a page loads only the shards it shares names with,
 * by the rule that placed the articles (a page on a story names at least {@link SHARED_NAMES} of
 * the names its shard's articles were placed by). Names are compared by the same spelling keys
 * as placement ({@link nameKeys}), so "al-Rashid" on the page finds a shard placed by "Rashid".
 */
import { isParticle, tokenKey } from '../entities/name-key.ts';
import { tokenize } from '../text/tokens.ts';
import { SHARED_NAMES, type Shard } from './shards.ts';

/** Most shards one page loads: a page on one story needs one or two; a round-up a few more. */
export const ROUTE_CAP = 6;

export interface Routes {
  /** Name key → the shards whose articles were placed by it. */
  byKey: Map<string, string[]>;
  /** Articles per shard: breaks ties toward the larger story. */
  size: Map<string, number>;
  /** Words in the longest key: longer runs of a page's names are not looked up. */
  longest: number;
}

export function buildRoutes(shards: readonly Pick<Shard, 'id' | 'articles' | 'names'>[]): Routes {
  const byKey = new Map<string, string[]>();
  const size = new Map<string, number>();
  let longest = 1;
  for (const shard of shards) {
    size.set(shard.id, shard.articles.length);
    for (const key of Object.keys(shard.names)) {
      const list = byKey.get(key);
      if (list) list.push(shard.id);
      else byKey.set(key, [shard.id]);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  return { byKey, size, longest };
}

const CAPITAL = /^\p{Lu}/u;

/** The name keys of each run of capitalised words (particles inside a run kept out of it). */
function runs(text: string): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  let last = -1;
  for (const token of tokenize(text)) {
    const word = token.text;
    const joined = last >= 0 && /^[\s-]*$/.test(text.slice(last, token.start));
    if (!joined && run.length) {
      out.push(run);
      run = [];
    }
    last = token.end;
    if (CAPITAL.test(word)) {
      const key = tokenKey(word);
      if (key) run.push(key);
    } else if (!(run.length && isParticle(word))) {
      if (run.length) out.push(run);
      run = [];
      last = -1;
    }
  }
  if (run.length) out.push(run);
  return out;
}

/**
 * The shards a page's text is about, most shared names first (at most `cap`), each sharing at
 * least `min` names (a lookup of one name asks for 1). A shard counts each of its names once
 * however often the text prints it.
 */
export function routeText(
  routes: Routes,
  segments: readonly string[],
  cap = ROUTE_CAP,
  min = SHARED_NAMES,
): string[] {
  if (routes.byKey.size === 0) return [];
  const seen = new Set<string>();
  const hits = new Map<string, number>();
  for (const segment of segments)
    for (const run of runs(segment))
      for (let i = 0; i < run.length; i++)
        for (let n = 1; n <= routes.longest && i + n <= run.length; n++) {
          const key = run.slice(i, i + n).join(' ');
          if (seen.has(key)) continue;
          seen.add(key);
          for (const shard of routes.byKey.get(key) ?? []) hits.set(shard, (hits.get(shard) ?? 0) + 1);
        }
  return [...hits]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (routes.size.get(b[0]) ?? 0) - (routes.size.get(a[0]) ?? 0))
    .slice(0, cap)
    .map(([id]) => id);
}
