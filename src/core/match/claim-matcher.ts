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
  /** Gram hash → signature indexes, only for grams rare enough to retrieve by. */
  postings: Map<number, number[]>;
  status: Map<string, FactStatus>;
  /** Fact id → its signatures (one per member), for the page-value comparison. */
  byFact: Map<string, Sig[]>;
}

/** Retrieval skips grams shared by more signatures than this ("the ", "tion"): they select nothing. */
function rareCap(n: number): number {
  return Math.max(12, Math.ceil(n * 0.01));
}

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
    // Words of names are no evidence of a claim ("Fares" is in half the facts).
  }));
  const all = new Map<number, number[]>();
  sigs.forEach((s, i) => {
    for (const g of s.grams) {
      const list = all.get(g);
      if (list) list.push(i);
      else all.set(g, [i]);
    }
  });
  const cap = rareCap(sigs.length);
  const postings = new Map<number, number[]>();
  for (const [g, list] of all) if (list.length <= cap) postings.set(g, list);
  const byFact = new Map<string, Sig[]>();
  for (const s of sigs) {
    const list = byFact.get(s.fact);
    if (list) list.push(s);
    else byFact.set(s.fact, [s]);
  }
  return { sigs, postings, status: new Map(facts.map((f) => [f.id, f.status])), byFact };
}

/** Thresholds, tuned on made-up paraphrases and look-alikes (tests/unit/match-claims.test.ts). */
const MIN_SENTENCE_GRAMS = 14;
const MIN_RARE_HITS = 4;
/** Grams shared / the smaller side, below which nothing is linked. */
const LEXICAL = 0.34;
/** A near-verbatim quote of the member: most of its grams appear in the page sentence. */
const VERBATIM = 0.7;
const VERBATIM_MIN_GRAMS = 30;
/** Share of the member's content words the page sentence states. */
const COVERAGE = 0.67;
const COVERAGE_WITH_SLOT = 0.4;

/** Grams shared / the smaller side: a short page sentence quoting part of a long member still scores. */
function overlapCoefficient(shared: number, a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  return n === 0 ? 0 : shared / n;
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
  const hits = new Map<number, number>();
  for (const g of grams) {
    const list = matcher.postings.get(g);
    if (!list) continue;
    for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
  }
  if (hits.size === 0) return null;
  let words: string[] | null = null;
  let slots: SlotValue[] | null = null;
  /** Best evidence per fact: the signature that matched, plus whether a slot kind was shared. */
  const linked = new Map<string, Sig[]>();
  for (const [i, n] of hits) {
    if (n < MIN_RARE_HITS) continue;
    const sig = matcher.sigs[i] as Sig;
    const sharedGrams = overlap(grams, sig.grams);
    if (overlapCoefficient(sharedGrams, grams, sig.grams) < LEXICAL) continue;
    words ??= contentWords(sentence);
    let shared = 0;
    let sharedPlain = 0;
    for (const w of words)
      if (sig.words.has(w)) {
        shared++;
        if (!nameWords.has(w)) sharedPlain++;
      }
    const coverage = shared / Math.max(1, sig.words.size);
    // Names alone state no claim: at least two shared words that are not names ("Fares", "Paris").
    let ok = sharedPlain >= 2 && coverage >= COVERAGE;
    if (!ok && sharedPlain >= 2 && sig.grams.length >= VERBATIM_MIN_GRAMS)
      ok = sharedGrams / sig.grams.length >= VERBATIM;
    if (!ok && sharedPlain >= 1 && coverage >= COVERAGE_WITH_SLOT && sig.slots.length) {
      // Fewer shared words, but the same kind of value (a death toll, a rank, a channel): the same claim.
      slots ??= extractSlots(sentence);
      const keys = new Set(slots.map(slotKey));
      ok = sig.slots.some((s) => keys.has(s.key) && !s.key.startsWith('date'));
    }
    if (!ok) continue;
    const list = linked.get(sig.fact);
    if (list) list.push(sig);
    else linked.set(sig.fact, [sig]);
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
