/**
 * Page sentences against the corpus's facts (issue 4.2). Two signals must agree:
 *
 *   1. lexical: character 4-grams shared with one source's wording of the fact (NLP-NOTES 5: the
 *      best lexical signal across outlets), found through an inverted index of the rarer grams so
 *      the cost per sentence does not grow with the corpus;
 *   2. content: enough of the fact's own content words (names left out: a name alone is no claim),
 *      or a claim slot of the same kind (a death toll, a rank, a channel) next to shared words.
 *
 * A linked sentence's status is then decided by what THIS page says: a slot value that differs
 * from every source's value for the same slot (15,000 vs 13,000 dead, "first" vs "second") is a
 * conflict, as is any fact the sources already disagree on (DESIGN.md, data-crossread-status).
 */
import { extractSlots, slotKey } from '../claims/slots.ts';
import { charGrams, contentWords, overlap } from '../compare/grams.ts';
import type { ClaimSignature, FactStatus, SlotValue } from '../index/schema.ts';
import type { Span } from './page-sentences.ts';

/** One linked sentence: its span, the facts it states, and their combined status. */
export interface ClaimMatch extends Span {
  ids: string[];
  status: FactStatus;
}

interface Sig {
  fact: string;
  grams: number[];
  words: Set<string>;
  slots: { key: string; value: string }[];
}

/** A compiled claim matcher. */
export interface ClaimMatcher {
  sigs: Sig[];
  /** Fact index → its signatures (one per member). */
  factSigs: Sig[][];
  /** Fact index → fact id. */
  factIds: string[];
  /** Fact index → the fewest rare grams any of its members has (the retrieval bar scales with it). */
  factRare: number[];
  /** Gram hash → fact indexes, only for grams rare enough to retrieve by. */
  postings: GramTable;
  status: Map<string, FactStatus>;
  /** Fact id → its signatures, for the page-value comparison. */
  byFact: Map<string, Sig[]>;
  /** Scratch hit counters, one per fact (always all zero between calls). */
  counts: Uint16Array;
}

/**
 * An open-addressing hash table from gram hash to a list of fact indexes, in typed arrays: the
 * lookup runs once per gram of every page sentence (5 M times on a 5 MB page), where a Map's
 * boxed lookup was the matcher's largest cost.
 */
export interface GramTable {
  mask: number;
  keys: Uint32Array;
  /** Slot → index into `starts`, or -1 when empty. */
  slots: Int32Array;
  starts: Int32Array;
  items: Int32Array;
  size: number;
}

function slotOf(g: number, mask: number): number {
  return (Math.imul(g, 0x9e3779b1) >>> 0) & mask;
}

function buildTable(lists: Map<number, number[]>): GramTable {
  let cap = 16;
  while (cap < lists.size * 2) cap *= 2;
  const mask = cap - 1;
  const keys = new Uint32Array(cap);
  const slots = new Int32Array(cap).fill(-1);
  const starts = new Int32Array(lists.size + 1);
  const items: number[] = [];
  let n = 0;
  for (const [g, list] of lists) {
    let h = slotOf(g, mask);
    while ((slots[h] as number) !== -1) h = (h + 1) & mask;
    keys[h] = g;
    slots[h] = n;
    starts[n] = items.length;
    items.push(...list);
    n++;
  }
  starts[n] = items.length;
  return { mask, keys, slots, starts, items: Int32Array.from(items), size: n };
}

/** Calls `each` with every fact index listed for gram `g`. */
function forFacts(t: GramTable, g: number, each: (f: number) => void): void {
  let h = slotOf(g, t.mask);
  for (let s = t.slots[h] as number; s !== -1; s = t.slots[h] as number) {
    if (t.keys[h] === g) {
      const end = t.starts[s + 1] as number;
      for (let i = t.starts[s] as number; i < end; i++) each(t.items[i] as number);
      return;
    }
    h = (h + 1) & t.mask;
  }
}

/** True when gram `g` is in the table. */
export function hasGram(t: GramTable, g: number): boolean {
  let h = slotOf(g, t.mask);
  for (let s = t.slots[h] as number; s !== -1; s = t.slots[h] as number) {
    if (t.keys[h] === g) return true;
    h = (h + 1) & t.mask;
  }
  return false;
}

/**
 * Retrieval skips grams that more facts than this share ("the ", "tion"): they select nothing,
 * and a fixed bound keeps the cost per page gram flat however big the corpus grows.
 */
const RARE_FACTS = 6;

/** Builds the inverted index over the signatures' grams. `facts` gives each fact's corpus status. */
export function buildClaimMatcher(
  claims: readonly ClaimSignature[],
  facts: readonly { id: string; status: FactStatus }[],
): ClaimMatcher {
  const sigs: Sig[] = claims.map((c) => ({
    fact: c.fact,
    grams: c.grams,
    words: new Set(c.words),
    slots: c.slots.filter((s) => s.kind !== 'quote').map((s) => ({ key: s.key, value: s.value })),
  }));
  const byFact = new Map<string, Sig[]>();
  for (const s of sigs) {
    const list = byFact.get(s.fact);
    if (list) list.push(s);
    else byFact.set(s.fact, [s]);
  }
  const factIds = [...byFact.keys()];
  const factSigs = factIds.map((id) => byFact.get(id) as Sig[]);
  const all = new Map<number, number[]>();
  factSigs.forEach((members, f) => {
    for (const m of members)
      for (const g of m.grams) {
        const list = all.get(g);
        if (!list) all.set(g, [f]);
        else if (list[list.length - 1] !== f) list.push(f);
      }
  });
  const rare = new Map<number, number[]>();
  for (const [g, list] of all) if (list.length <= RARE_FACTS) rare.set(g, list);
  const postings = buildTable(rare);
  const factRare = factSigs.map((members) =>
    Math.min(...members.map((m) => m.grams.reduce((n, g) => n + (rare.has(g) ? 1 : 0), 0))),
  );
  return {
    sigs,
    factSigs,
    factIds,
    factRare,
    postings,
    status: new Map(facts.map((f) => [f.id, f.status])),
    byFact,
    counts: new Uint16Array(factIds.length),
  };
}

/** Thresholds, tuned on made-up paraphrases and look-alikes (tests/unit/match-claims.test.ts). */
const MIN_SENTENCE_GRAMS = 14;
const MIN_RARE_HITS = 6;
const RARE_SHARE = 0.3;
/** Grams shared / the smaller side, below which nothing is linked. */
const LEXICAL = 0.34;
/** A near-verbatim quote of the member: most of its grams appear in the page sentence. */
const VERBATIM = 0.7;
const VERBATIM_MIN_GRAMS = 30;
/** Share of the member's content words the page sentence states. */
const COVERAGE = 0.67;
const COVERAGE_WITH_SLOT = 0.4;
/**
 * Words that only say how long or how long ago ("six months ago", "for the last four years"):
 * shared with a duration claim they are the slot itself, not evidence of the same claim. Without
 * this, any page sentence with "N months" linked to a corpus fact "in 14 months of fighting" and
 * was marked conflict (found on two unrelated saved pages).
 */
const TIME_WORDS: ReadonlySet<string> = new Set(
  contentWords(
    'second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries ago last past time times',
  ),
);

/** Grams shared / the smaller side: a short page sentence quoting part of a long member still scores. */
function overlapCoefficient(shared: number, a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  return n === 0 ? 0 : shared / n;
}

/** Whether a page sentence states the fact one member signature words. */
function linksTo(
  sig: Sig,
  grams: readonly number[],
  _sentence: string,
  nameWords: ReadonlySet<string>,
  getWords: () => string[],
  getSlots: () => SlotValue[],
): boolean {
  const sharedGrams = overlap(grams, sig.grams);
  if (overlapCoefficient(sharedGrams, grams, sig.grams) < LEXICAL) return false;
  let shared = 0;
  let sharedPlain = 0;
  let sharedTopical = 0;
  for (const w of getWords())
    if (sig.words.has(w)) {
      shared++;
      if (!nameWords.has(w)) sharedPlain++;
      if (!nameWords.has(w) && !TIME_WORDS.has(w)) sharedTopical++;
    }
  const coverage = shared / Math.max(1, sig.words.size);
  // Names alone state no claim: at least two shared words that are not names ("Haddad", "Oslo").
  if (sharedPlain >= 2 && coverage >= COVERAGE) return true;
  if (
    sharedPlain >= 2 &&
    sig.grams.length >= VERBATIM_MIN_GRAMS &&
    sharedGrams / sig.grams.length >= VERBATIM
  )
    return true;
  if (sharedTopical >= 1 && coverage >= COVERAGE_WITH_SLOT && sig.slots.length) {
    // Fewer shared words, but the same kind of value (a death toll, a rank, a channel): the same
    // claim — provided one shared word is about the claim itself, not only its time unit.
    const keys = new Set(getSlots().map(slotKey));
    return sig.slots.some((s) => keys.has(s.key) && !s.key.startsWith('date'));
  }
  return false;
}

const SEVERITY: Record<FactStatus, number> = { corroborated: 0, single: 1, conflict: 2 };

/**
 * The facts `sentence` states, with the status of what it says. `nameWords` are content words
 * that belong to entity names (the page matcher passes the names found in this sentence): they
 * do not count as shared content.
 */
export function matchSentence(
  matcher: ClaimMatcher,
  sentence: string,
  nameWords: ReadonlySet<string> = new Set(),
): { ids: string[]; status: FactStatus } | null {
  const grams = charGrams(sentence);
  if (grams.length < MIN_SENTENCE_GRAMS) return null;
  // Counting hits in a reused typed array: this loop runs for every sentence of every page.
  const counts = matcher.counts;
  const touched: number[] = [];
  const hit = (i: number) => {
    if ((counts[i] as number) === 0) touched.push(i);
    counts[i] = (counts[i] as number) + 1;
  };
  for (const g of grams) forFacts(matcher.postings, g, hit);
  if (touched.length === 0) return null;
  const hits: [number, number][] = [];
  for (const i of touched) {
    hits.push([i, counts[i] as number]);
    counts[i] = 0;
  }
  let words: string[] | null = null;
  let slots: SlotValue[] | null = null;
  /** Best evidence per fact: the signature that matched, plus whether a slot kind was shared. */
  const linked = new Map<string, Sig[]>();
  for (const [f, n] of hits) {
    // A linked sentence shares a good part of the fact's rare grams: most candidates stop here.
    if (n < MIN_RARE_HITS || n < (matcher.factRare[f] as number) * RARE_SHARE) continue;
    for (const sig of matcher.factSigs[f] as Sig[]) {
      if (
        !linksTo(
          sig,
          grams,
          sentence,
          nameWords,
          () => (words ??= contentWords(sentence)),
          () => (slots ??= extractSlots(sentence)),
        )
      )
        continue;
      linked.set(sig.fact, [sig]);
      break;
    }
  }
  if (linked.size === 0) return null;
  slots ??= extractSlots(sentence);
  let worst: FactStatus = 'corroborated';
  const ids = [...linked.keys()].sort();
  for (const id of ids) {
    const status = statusOnPage(matcher, id, slots);
    if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  }
  return { ids, status: worst };
}

/**
 * How the page's wording of one fact relates to the corpus: conflict when the corpus already
 * disagrees, or when a page value differs from every source that states the same slot.
 */
function statusOnPage(matcher: ClaimMatcher, fact: string, pageSlots: readonly SlotValue[]): FactStatus {
  const corpus = matcher.status.get(fact) ?? 'single';
  if (corpus === 'conflict') return 'conflict';
  const members = matcher.byFact.get(fact) ?? [];
  for (const slot of pageSlots) {
    if (slot.kind === 'quote') continue;
    const key = slotKey(slot);
    const values = members.flatMap((m) => m.slots.filter((s) => s.key === key).map((s) => s.value));
    if (values.length > 0 && !values.includes(slot.value)) return 'conflict';
  }
  return corpus;
}
