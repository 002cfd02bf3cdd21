import { pushTo } from '../collections.ts';
import { averageLink } from './average-link.ts';

/** Share of cross-source pairs of two story clusters that must be linked to merge them. */
const STORY_LINKAGE = 0.3;

/**
 * Groups sources into stories: two sources are in one story when the entities they name
 * overlap (at least two shared, idf-weighted overlap of the smaller set ≥ 0.35). Candidate pairs come from entity postings, capped so
 * that an entity named everywhere does not make the comparison quadratic.
 */
export function storiesOf(
  sentences: readonly { source: string; entities?: readonly { id: string }[] }[],
): Map<string, number> {
  const bag = new Map<string, Set<string>>();
  for (const s of sentences) {
    let set = bag.get(s.source);
    if (!set) {
      set = new Set();
      bag.set(s.source, set);
    }
    for (const e of s.entities ?? []) set.add(e.id);
  }
  const ids = [...bag.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const postings = new Map<string, number[]>();
  ids.forEach((id, i) => {
    for (const e of bag.get(id)!) pushTo(postings, e, i);
  });
  const idf = (e: string) => Math.log(1 + ids.length / (postings.get(e)?.length ?? 1));
  const cap = Math.max(50, Math.ceil(ids.length * 0.01));
  const links: { i: number; j: number; strength: number }[] = [];
  ids.forEach((id, i) => {
    const mine = bag.get(id)!;
    const shared = new Map<number, { w: number; n: number }>();
    for (const e of mine) {
      const list = postings.get(e)!;
      if (list.length > cap) continue;
      for (const j of list) {
        if (j <= i) continue;
        const x = shared.get(j) ?? { w: 0, n: 0 };
        x.w += idf(e);
        x.n++;
        shared.set(j, x);
      }
    }
    const own = [...mine].reduce((n, e) => n + idf(e), 0);
    for (const [j, { w, n }] of shared) {
      const other = [...bag.get(ids[j]!)!].reduce((k, e) => k + idf(e), 0);
      // Overlap of the smaller bag: a long article naming many more people is still the same story.
      const strength = w / Math.max(1e-9, Math.min(own, other));
      if (n >= 2 && strength >= 0.35) links.push({ i, j, strength });
    }
  });
  // Average linkage again: an organisation or a town two stories share does not chain them.
  const uf = averageLink(ids.length, links, (i) => ids[i]!, STORY_LINKAGE);
  return new Map(ids.map((id) => [id, uf.find(index.get(id)!)]));
}
