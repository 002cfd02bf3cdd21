/**
 * Which reports the corpus holds, as opposed to which sources: outlets that print the same wire
 * story are one report, however many of them agree. Two sources *carry the same copy* when they
 * share a run of near-verbatim body sentences (captions left out: a shared photo is no shared
 * story), or one such sentence and the same named credit. Sources that carry the same copy,
 * directly or through one another, form a copy group.
 *
 * A fact member takes its copy group's origin when another source of the group states the fact in
 * the same words or in lightly edited ones, with the same values; otherwise it is a report of its
 * source's own. So an outlet that reuses a wire sentence but changes what it says ("first" made
 * "second") is a report of its own, which is the disagreement a reader must see.
 *
 * Near linear in the corpus: candidate sentence pairs come from each sentence's rarest word
 * trigrams, and one shared by too many sentences (boilerplate) is no evidence.
 */
import { pushTo } from '../collections.ts';
import { charGrams, fnv1a, gramText, jaccard, overlap } from '../compare/grams.ts';
import { isGenericCredit, preferredCredit } from '../text/credits.ts';
import type { Fact, FactMember, Origin, Source } from './schema.ts';

/** Sentence char-4-gram Jaccard at which two sentences are one text (the members' `wire` threshold). */
export const NEAR_VERBATIM = 0.6;
/** Near-verbatim body sentences two sources share for their copy to count as one. */
const MIN_RUN = 2;
/** Two members state a fact in one wording when this share of the shorter span's grams is shared. */
const SAME_WORDING = 0.5;
/**
 * Candidates: each sentence's rarest word trigrams in the corpus. Near-verbatim sentences share
 * most of their trigrams, so they share some of their rarest; a trigram in more sentences than
 * MAX_POSTING is boilerplate, not evidence of copy.
 */
const SKETCH = 4;
const MAX_POSTING = 64;
/** A sentence with fewer words is too short to tell copy from coincidence. */
const MIN_WORDS = 8;

/** Two sources that carry the same copy, with the number of near-verbatim sentences they share. */
export interface CopyPair {
  a: string;
  b: string;
  shared: number;
}

interface Sent {
  source: number;
  sentence: number;
  text: string;
  shingles: number[];
}

const key = (source: string, sentence: number) => `${source}:${sentence}`;

/** A sentence's char grams by "source:sentence", computed once for copy detection and member wording alike. */
type GramCache = Map<string, number[]>;

function cachedGrams(cache: GramCache, k: string, text: string): number[] {
  let g = cache.get(k);
  if (!g) {
    g = charGrams(text);
    cache.set(k, g);
  }
  return g;
}

/** The near-verbatim body-sentence pairs across sources, as "source:sentence" keys both ways. */
function nearVerbatim(sources: readonly Source[], cache: GramCache = new Map()): Map<string, Set<string>> {
  const sents: Sent[] = [];
  const df = new Map<number, number>();
  sources.forEach((s, si) => {
    s.sentences.forEach((sp, k) => {
      if (sp.caption) return;
      const text = s.text.slice(sp.start, sp.end);
      const words = gramText(text).split(' ');
      if (words.length < MIN_WORDS) return;
      const shingles = new Set<number>();
      for (let i = 0; i + 3 <= words.length; i++)
        shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
      for (const h of shingles) df.set(h, (df.get(h) ?? 0) + 1);
      sents.push({ source: si, sentence: k, text, shingles: [...shingles] });
    });
  });
  // A trigram no other sentence prints links nothing: the rarest of the shared ones.
  const rarest = (x: Sent) =>
    x.shingles
      .filter((h) => (df.get(h) as number) > 1)
      .sort((a, b) => (df.get(a) as number) - (df.get(b) as number) || a - b)
      .slice(0, SKETCH);
  const postings = new Map<number, number[]>();
  const sketches = sents.map(rarest);
  sketches.forEach((sketch, i) => {
    for (const h of sketch) pushTo(postings, h, i);
  });
  const gramsOf = (x: Sent) => cachedGrams(cache, key(sources[x.source]!.id, x.sentence), x.text);
  const out = new Map<string, Set<string>>();
  const seen = new Set<number>();
  sents.forEach((x, i) => {
    seen.clear();
    for (const h of sketches[i] as number[]) {
      const list = postings.get(h);
      if (!list || list.length > MAX_POSTING) continue;
      for (const j of list) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        const y = sents[j] as Sent;
        if (y.source === x.source || jaccard(gramsOf(x), gramsOf(y)) < NEAR_VERBATIM) continue;
        const kx = key(sources[x.source]!.id, x.sentence);
        const ky = key(sources[y.source]!.id, y.sentence);
        if (!out.has(kx)) out.set(kx, new Set());
        if (!out.has(ky)) out.set(ky, new Set());
        out.get(kx)!.add(ky);
        out.get(ky)!.add(kx);
      }
    }
  });
  return out;
}

/** Source pairs that carry the same copy, in source order. */
export function copyPairs(sources: readonly Source[], copies = nearVerbatim(sources)): CopyPair[] {
  const counts = new Map<string, number>();
  for (const [from, tos] of copies) {
    const a = from.slice(0, from.indexOf(':'));
    for (const to of tos) {
      const b = to.slice(0, to.indexOf(':'));
      if (a < b) counts.set(`${a} ${b}`, (counts.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  const credit = new Map(sources.map((s) => [s.id, s.credit ?? null]));
  const order = new Map(sources.map((s, i) => [s.id, i]));
  const pairs: CopyPair[] = [];
  for (const [k, shared] of counts) {
    const [x, y] = k.split(' ') as [string, string];
    const named = credit.get(x);
    const sameCredit = !!named && !isGenericCredit(named) && named === credit.get(y);
    if (shared < MIN_RUN && !sameCredit) continue;
    const [a, b] = (order.get(x) ?? 0) < (order.get(y) ?? 0) ? [x, y] : [y, x];
    pairs.push({ a, b, shared });
  }
  return pairs.sort((p, q) => order.get(p.a)! - order.get(q.a)! || order.get(p.b)! - order.get(q.b)!);
}

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.get(root) !== root) root = parent.get(root) as string;
  parent.set(x, root);
  return root;
}

/**
 * Values by slot key, for comparing two members: they differ when one key has other values. A day
 * compares only with a day of its kind ("last night" says nothing against "on Wednesday").
 */
function valuesByKey(m: FactMember): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const v of m.values) {
    // Quotes are compared as words; an origin's place is spelled by each outlet its own way and a
    // sequence's stretch is read loosely, so neither tells two reports apart.
    if (v.kind === 'quote' || v.kind === 'origin' || v.kind === 'sequence') continue;
    const k = v.key ?? v.kind;
    pushTo(out, k === 'date:day' ? `${k}/${v.value.replace(/[:-].*$/u, '')}` : k, v.value);
  }
  return new Map([...out].map(([k, vs]) => [k, [...new Set(vs)].sort().join('|')]));
}

function sameValues(a: Map<string, string>, b: Map<string, string>): boolean {
  for (const [k, v] of a) if (b.has(k) && b.get(k) !== v) return false;
  return true;
}

/**
 * Gives every fact member an `origin` and returns the origins: one per copy group that some
 * fact's members share, then one per source for what it reports on its own, each in source order.
 */
export function assignOrigins(sources: readonly Source[], facts: readonly Fact[]): Origin[] {
  const cache: GramCache = new Map();
  const copies = nearVerbatim(sources, cache);
  const pairs = copyPairs(sources, copies);
  const order = new Map(sources.map((s, i) => [s.id, i]));
  const parent = new Map(sources.map((s) => [s.id, s.id]));
  for (const p of pairs) {
    // A group's root is its first source, so group ids follow source order.
    const [ra, rb] = [find(parent, p.a), find(parent, p.b)].sort((x, y) => order.get(x)! - order.get(y)!) as [
      string,
      string,
    ];
    if (ra !== rb) parent.set(rb, ra);
  }
  const groupOf = (s: string) => find(parent, s);

  // A member carries its group's copy when its sentence is printed near-verbatim by another
  // source of the group (anywhere in it: the fact may sit in another of its sentences there).
  const printed = (m: FactMember) =>
    [...(copies.get(key(m.source, m.sentence)) ?? [])].some(
      (k) => groupOf(k.slice(0, k.indexOf(':'))) === groupOf(m.source),
    );
  const gramsOf = (m: FactMember) => cachedGrams(cache, key(m.source, m.sentence), m.text);
  const carried = new Set<FactMember>();
  for (const fact of facts) {
    const ms = fact.members;
    const values = ms.map(valuesByKey);
    const copy = ms.map(printed);
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const a = ms[i] as FactMember;
        const b = ms[j] as FactMember;
        if (a.source === b.source || groupOf(a.source) !== groupOf(b.source)) continue;
        if ((a.stance === 'conflicts') !== (b.stance === 'conflicts')) continue;
        if (!sameValues(values[i]!, values[j]!)) continue;
        if (!(copy[i] && copy[j])) {
          // An edited copy keeps most of the shorter sentence's wording.
          const ga = gramsOf(a);
          const gb = gramsOf(b);
          const shorter = Math.min(ga.length, gb.length);
          if (shorter === 0 || overlap(ga, gb) / shorter < SAME_WORDING) continue;
        }
        carried.add(a).add(b);
      }
    }
  }

  // Origin ids: copy groups that carry some member first, then each source's own reports.
  const groups = new Map<string, string[]>();
  for (const s of sources) pushTo(groups, groupOf(s.id), s.id);
  const used = new Set<string>();
  for (const m of carried) used.add(groupOf(m.source));
  const origins: Origin[] = [];
  const groupId = new Map<string, string>();
  const credited = (ids: readonly string[]) =>
    preferredCredit(ids.map((id) => sources[order.get(id)!]!.credit).filter((c): c is string => !!c));
  // Near-verbatim sentences per group, in one pass over the pairs.
  const sharedIn = new Map<string, number>();
  for (const p of pairs) sharedIn.set(groupOf(p.a), (sharedIn.get(groupOf(p.a)) ?? 0) + p.shared);
  for (const [root, ids] of [...groups].sort((x, y) => order.get(x[0])! - order.get(y[0])!)) {
    if (!used.has(root)) continue;
    const id = `o${origins.length}`;
    groupId.set(root, id);
    origins.push({ id, sources: ids, credit: credited(ids), shared: sharedIn.get(root) ?? 0 });
  }
  const reportsOwn = new Set<string>();
  for (const fact of facts) for (const m of fact.members) if (!carried.has(m)) reportsOwn.add(m.source);
  const ownId = new Map<string, string>();
  for (const s of sources) {
    if (!reportsOwn.has(s.id)) continue;
    const id = `o${origins.length}`;
    ownId.set(s.id, id);
    origins.push({ id, sources: [s.id], credit: s.credit ?? null, shared: 0 });
  }
  for (const fact of facts)
    for (const m of fact.members)
      m.origin = carried.has(m)
        ? (groupId.get(groupOf(m.source)) as string)
        : (ownId.get(m.source) as string);
  return origins;
}
