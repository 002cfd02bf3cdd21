/**
 * Groups the sentences of all sources into facts (issue 3.5). The unit is the clause, so a
 * sentence stating several facts is a member of each with its span. Two signals link clauses
 * of different sources: lexical similarity (char 4-gram Jaccard, idf-weighted content-word
 * overlap) and claim slots (the same quantity, rank, channel or official reaction reported in
 * a related sentence, whatever the value: lexical similarity alone cannot align a conflicting
 * number). Candidates come from an inverted index over words and slot keys, never all pairs.
 */
import { splitClauses } from '../claims/clauses.ts';
import { extractSlots, slotKey } from '../claims/slots.ts';
import { charGrams, contentWords, jaccard } from '../compare/grams.ts';
import type { Difference, Fact, FactMember, SlotValue, Stance } from './schema.ts';

export interface FactSentence {
  source: string;
  /** Index of the sentence in its source. */
  sentence: number;
  text: string;
  caption?: boolean;
  published?: string | null;
  /** Entity mentions in the sentence (offsets into `text`). */
  entities?: { id: string; start: number; end: number }[];
}

interface Unit {
  s: number;
  start: number;
  end: number;
  words: string[];
  grams: number[];
  slots: SlotValue[];
}

/** Slot keys that may align reports with different values. */
function comparable(key: string): boolean {
  return /^(?:number|duration|ordinal):|^(?:channel|response)$/.test(key);
}

/** Tunables, exported for the tests and the docs. */
export const FACT_THRESHOLDS = {
  /** Char-4-gram Jaccard at which two clauses state the same thing. */
  grams: 0.34,
  /** Idf-weighted content-word overlap (of the smaller clause) with at least `sharedWords` words. */
  words: 0.55,
  sharedWords: 3,
  /** Sentence-level word overlap required for two same-key slots to be the same fact. */
  slotContext: 0.12,
  /** Near-verbatim: wire copy. */
  wire: 0.6,
  /** Below this similarity to the rest of the fact, an agreeing member is "partial". */
  partial: 0.3,
} as const;

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let y = x;
    while (this.parent[y] !== r) {
      const next = this.parent[y]!;
      this.parent[y] = r;
      y = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function magnitudeClose(a: SlotValue[], b: SlotValue[], key: string): boolean {
  if (!/^number:/.test(key)) return true;
  const va = a.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  const vb = b.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  // A daily toll and a cumulative toll differ by orders of magnitude: different facts.
  return va.some((x) => vb.some((y) => x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) <= 4));
}

function ordinalValue(v: string): string {
  return v === 'top' ? '1' : v;
}

function compatible(key: string, a: string[], b: string[]): boolean {
  if (key === 'channel') {
    const inside = (x: string, y: string) => {
      const xs = x.split(' ');
      const ys = new Set(y.split(' '));
      return xs.every((w) => ys.has(w));
    };
    return (
      a.every((x) => b.some((y) => inside(x, y) || inside(y, x))) &&
      b.every((y) => a.some((x) => inside(x, y) || inside(y, x)))
    );
  }
  const norm = (v: string[]) =>
    [...new Set(key.startsWith('ordinal:') ? v.map(ordinalValue) : v)].sort().join('|');
  return norm(a) === norm(b);
}

/** Days are comparable only when both are weekdays or both resolved dates. */
function dayClass(v: string): string | null {
  if (v.startsWith('weekday:')) return 'weekday';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'iso';
  return null;
}

export function buildFacts(sentences: readonly FactSentence[]): Fact[] {
  const units: Unit[] = [];
  const sentenceSlots: SlotValue[][] = [];
  const sentenceWords: string[][] = [];
  sentences.forEach((sen, s) => {
    const slots = sen.caption ? [] : extractSlots(sen.text, { published: sen.published ?? null });
    sentenceSlots.push(slots);
    sentenceWords.push(contentWords(sen.text).sort());
    for (const c of splitClauses(sen.text)) {
      const text = sen.text.slice(c.start, c.end);
      units.push({
        s,
        start: c.start,
        end: c.end,
        words: contentWords(text).sort(),
        grams: charGrams(text),
        slots: slots.filter((x) => x.start < c.end && x.end > c.start),
      });
    }
  });

  // Inverse document frequency over clauses.
  const df = new Map<string, number>();
  for (const u of units) for (const w of u.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + units.length / (df.get(w) ?? 1));
  const weight = (ws: string[]) => ws.reduce((n, w) => n + idf(w), 0);
  const unitWeight = units.map((u) => weight(u.words));
  const maxDf = Math.max(12, Math.ceil(units.length * 0.05));

  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const w of u.words) {
      if ((df.get(w) ?? 0) > maxDf) continue;
      let list = postings.get(w);
      if (!list) {
        list = [];
        postings.set(w, list);
      }
      list.push(i);
    }
  });

  // Lexical links.
  const uf = new UnionFind(units.length);
  units.forEach((u, i) => {
    const shared = new Map<number, number>();
    for (const w of u.words) {
      const list = postings.get(w);
      if (!list) continue;
      const wt = idf(w);
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + wt);
    }
    for (const [j, sw] of shared) {
      const v = units[j]!;
      if (sentences[v.s]!.source === sentences[u.s]!.source) continue;
      const overlapWords = sw / Math.max(1e-9, Math.min(unitWeight[i]!, unitWeight[j]!));
      let sharedCount = 0;
      if (overlapWords >= FACT_THRESHOLDS.words) {
        const set = new Set(u.words);
        sharedCount = v.words.filter((w) => set.has(w)).length;
      }
      if (
        (overlapWords >= FACT_THRESHOLDS.words && sharedCount >= FACT_THRESHOLDS.sharedWords) ||
        jaccard(u.grams, v.grams) >= FACT_THRESHOLDS.grams
      )
        uf.union(i, j);
    }
  });

  // Slot links: same comparable key, related sentences, whatever the value.
  const slotUf = new UnionFind(units.length);
  const slotLinked = new Set<number>();
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
  for (const [key, list] of byKey) {
    // Block by sentence words inside the key's list: compare only units sharing a rare word.
    const local = new Map<string, number[]>();
    for (const i of list)
      for (const w of sentenceWords[units[i]!.s]!) {
        if ((df.get(w) ?? 0) > maxDf) continue;
        const l = local.get(w) ?? [];
        l.push(i);
        local.set(w, l);
      }
    for (const i of list) {
      const u = units[i]!;
      const shared = new Map<number, number>();
      for (const w of sentenceWords[u.s]!) {
        const l = local.get(w);
        if (!l) continue;
        for (const j of l) if (j > i) shared.set(j, (shared.get(j) ?? 0) + idf(w));
      }
      for (const [j, sw] of shared) {
        const v = units[j]!;
        if (sentences[v.s]!.source === sentences[u.s]!.source) continue;
        const ctx = sw / Math.max(1e-9, Math.min(sentenceWeight[u.s]!, sentenceWeight[v.s]!));
        if (ctx < FACT_THRESHOLDS.slotContext || !magnitudeClose(u.slots, v.slots, key)) continue;
        slotUf.union(i, j);
        slotLinked.add(i);
        slotLinked.add(j);
      }
    }
  }

  // Clusters of units: lexical ones, then slot ones not already inside one lexical cluster.
  const clusters = new Map<number, number[]>();
  units.forEach((_, i) => {
    const r = uf.find(i);
    clusters.set(r, [...(clusters.get(r) ?? []), i]);
  });
  const groups: number[][] = [];
  for (const members of clusters.values()) groups.push(members);
  const slotClusters = new Map<number, number[]>();
  for (const i of slotLinked) {
    const r = slotUf.find(i);
    slotClusters.set(r, [...(slotClusters.get(r) ?? []), i]);
  }
  for (const members of slotClusters.values()) {
    const tally = new Map<number, number>();
    for (const i of members) tally.set(uf.find(i), (tally.get(uf.find(i)) ?? 0) + 1);
    const [root, n] = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    if (tally.size === 1) continue;
    // Mostly one lexical fact already: the slot reports join it rather than forming a twin.
    const host = groups.find((g) => g.includes(root));
    if (host && n >= members.length - 1) {
      for (const i of members) if (!host.includes(i)) host.push(i);
      host.sort((a, b) => a - b);
      continue;
    }
    groups.push(members.sort((a, b) => a - b));
  }

  // Sentences that are members of a multi-source fact; others become single facts.
  const sourcesOf = (g: number[]) => new Set(g.map((i) => sentences[units[i]!.s]!.source));
  const facts: { units: number[] }[] = [];
  const covered = new Set<number>();
  for (const g of groups) {
    if (sourcesOf(g).size < 2) continue;
    facts.push({ units: g });
    for (const i of g) covered.add(units[i]!.s);
  }
  const singles = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (covered.has(u.s)) return;
    singles.set(u.s, [...(singles.get(u.s) ?? []), i]);
  });
  for (const g of singles.values()) facts.push({ units: g });

  const built = facts.map((f) => assemble(f.units, units, sentences));
  built.sort((a, b) => a.order - b.order || a.fact.members.length - b.fact.members.length);
  return built.map((b, i) => ({ ...b.fact, id: `f${i}` }));
}

function assemble(
  ids: number[],
  units: readonly Unit[],
  sentences: readonly FactSentence[],
): { order: number; fact: Fact } {
  // One member per (source, sentence): the span covers its clauses in this fact.
  const bySentence = new Map<number, Unit[]>();
  for (const i of ids) {
    const u = units[i]!;
    bySentence.set(u.s, [...(bySentence.get(u.s) ?? []), u]);
  }
  const order = Math.min(...bySentence.keys());
  const members: (FactMember & { grams: number[] })[] = [];
  const entityIds = new Set<string>();
  for (const [s, us] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const sen = sentences[s]!;
    const start = Math.min(...us.map((u) => u.start));
    const end = Math.max(...us.map((u) => u.end));
    const values = us.flatMap((u) => u.slots).filter((v, k, all) => all.indexOf(v) === k);
    for (const e of sen.entities ?? []) if (e.start < end && e.end > start) entityIds.add(e.id);
    members.push({
      source: sen.source,
      text: sen.text,
      stance: 'agrees',
      sentence: sen.sentence,
      span: { start, end },
      values: values.map((v) => ({ ...v })),
      grams: charGrams(sen.text.slice(start, end)),
    });
  }

  // Differences per comparable slot key, compared between sources.
  const keys = new Set(members.flatMap((m) => m.values.map(slotKey)));
  const differences: Difference[] = [];
  const conflicting = new Set<FactMember>();
  for (const key of [...keys].sort()) {
    const isDay = key === 'date:day';
    if (!comparable(key) && !isDay) continue;
    const perSource = new Map<string, { value: string; text: string }[]>();
    for (const m of members)
      for (const v of m.values) {
        if (slotKey(v) !== key) continue;
        if (isDay && dayClass(v.value) === null) continue;
        const list = perSource.get(m.source) ?? [];
        list.push({ value: v.value, text: v.text });
        perSource.set(m.source, list);
      }
    if (perSource.size < 2) continue;
    if (isDay && new Set([...perSource.values()].flat().map((v) => dayClass(v.value))).size > 1) continue;
    // The majority report is the value set most sources give; the others conflict with it.
    const sets = [...perSource.entries()].map(([source, vs]) => ({ source, values: vs.map((v) => v.value) }));
    const tally = new Map<string, { n: number; values: string[] }>();
    for (const s of sets) {
      const sig = [...new Set(key.startsWith('ordinal:') ? s.values.map(ordinalValue) : s.values)]
        .sort()
        .join('|');
      const t = tally.get(sig) ?? { n: 0, values: s.values };
      t.n++;
      tally.set(sig, t);
    }
    const majority = [...tally.values()].sort((a, b) => b.n - a.n)[0]!.values;
    const odd = sets.filter((s) => !compatible(key, s.values, majority));
    if (odd.length === 0) continue;
    differences.push({
      kind: key,
      values: [...perSource.entries()].flatMap(([source, vs]) =>
        vs.map((v) => ({ source, value: v.value, text: v.text })),
      ),
    });
    for (const m of members) if (odd.some((o) => o.source === m.source)) conflicting.add(m);
  }

  const sources = new Set(members.map((m) => m.source));
  for (const m of members) {
    let best = 0;
    for (const o of members)
      if (o !== m && o.source !== m.source) best = Math.max(best, jaccard(m.grams, o.grams));
    let stance: Stance = 'agrees';
    if (conflicting.has(m)) stance = 'conflicts';
    else if (sources.size > 1 && best < FACT_THRESHOLDS.partial) stance = 'partial';
    m.stance = stance;
    if (best >= FACT_THRESHOLDS.wire) m.wire = true;
  }
  const status = differences.length > 0 ? 'conflict' : sources.size >= 2 ? 'corroborated' : 'single';
  const first = members[0]!;
  let label = first.text.slice(first.span.start, first.span.end).replace(/\s+/g, ' ').trim();
  if (label.length > 140) label = `${label.slice(0, 137).replace(/\s+\S*$/, '')}…`;
  const fact: Fact = {
    id: '',
    status,
    label,
    entities: [...entityIds].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    members: members.map(({ grams: _g, ...m }) => m),
    differences,
  };
  return { order, fact };
}
