/**
 * Slot links, one graph per comparable key: the same quantity, rank, channel or reaction
 * reported in a related sentence of the same story, whatever the value (lexical similarity alone
 * cannot align a conflicting number).
 */
import { slotKey } from '../claims/slots.ts';
import { pushTo } from '../collections.ts';
import { UnionFind } from './average-link.ts';
import type { LinkContext } from './fact-links.ts';
import { comparable, FACT_THRESHOLDS } from './fact-thresholds.ts';
import { clausesTouch } from './fact-units.ts';
import type { SlotValue } from './schema.ts';

function magnitudeClose(a: SlotValue[], b: SlotValue[], key: string): boolean {
  if (!/^(?:number|duration):/.test(key)) return true;
  const va = a.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  const vb = b.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  // A daily toll and a cumulative toll differ by orders of magnitude: different facts.
  return va.some((x) => vb.some((y) => x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) <= 4));
}

/** Clusters of units linked by one comparable slot key each. */
export function slotClusters(ctx: LinkContext, sentenceWords: readonly string[][]): number[][] {
  const { units, sentences, idf, df, maxDf, story, say } = ctx;
  const weight = (ws: readonly string[]) => ws.reduce((n, w) => n + idf(w), 0);
  const byKey = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const k of new Set(u.slots.map(slotKey).filter(comparable))) {
      let list = byKey.get(k);
      if (!list) {
        list = [];
        byKey.set(k, list);
      }
      list.push(i);
    }
  });
  const sentenceWeight = sentenceWords.map(weight);
  const clusters: number[][] = [];
  for (const [key, list] of [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const keyUf = new UnionFind(units.length);
    const linked = new Set<number>();
    // Candidates: units of the same story (blocked by story id), or sharing a rare sentence word.
    const local = new Map<string, number[]>();
    for (const i of list) {
      const sen = sentences[units[i]!.s]!;
      const tags = [`story:${story.get(sen.source)}`];
      for (const w of sentenceWords[units[i]!.s]!) if ((df.get(w) ?? 0) <= maxDf) tags.push(w);
      for (const t of tags) {
        const l = local.get(t) ?? [];
        l.push(i);
        local.set(t, l);
      }
    }
    for (const i of list) {
      const u = units[i]!;
      const su = sentences[u.s]!;
      const shared = new Map<number, number>();
      const sameStory = local.get(`story:${story.get(su.source)}`) ?? [];
      if (sameStory.length <= 400) for (const j of sameStory) if (j > i) shared.set(j, 0);
      for (const w of sentenceWords[u.s]!) {
        const l = local.get(w);
        if (!l) continue;
        for (const j of l) if (j > i) shared.set(j, (shared.get(j) ?? 0) + idf(w));
      }
      for (const [j, sw] of shared) {
        const v = units[j]!;
        const sv = sentences[v.s]!;
        if (sv.source === su.source) continue;
        const ctx = sw / Math.max(1e-9, Math.min(sentenceWeight[u.s]!, sentenceWeight[v.s]!));
        const together = story.get(sv.source) === story.get(su.source);
        if ((!together && ctx < FACT_THRESHOLDS.slotContext) || !magnitudeClose(u.slots, v.slots, key))
          continue;
        // Within one story the same kind of value still needs one word or name in common between
        // the two clauses: "told a TV channel" in an unrelated paragraph is another statement.
        if (
          together &&
          ctx < FACT_THRESHOLDS.slotContext &&
          !key.startsWith('number:') &&
          !clausesTouch(u, v)
        )
          continue;
        keyUf.union(i, j);
        say(i, j, `slot ${key}`);
        linked.add(i);
        linked.add(j);
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const i of [...linked].sort((a, b) => a - b)) {
      const r = keyUf.find(i);
      pushTo(byRoot, r, i);
    }
    clusters.push(...byRoot.values());
  }
  return clusters;
}
