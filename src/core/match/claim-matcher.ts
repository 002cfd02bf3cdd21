/**
 * Page sentences against the corpus's facts. Two signals must agree:
 *
 *   1. lexical: character 4-grams shared with one source's wording of the fact (NLP-NOTES 5: the
 *      best lexical signal across outlets), found through an inverted index of the rarer grams so
 *      the cost per sentence does not grow with the corpus;
 *   2. content: enough of the fact's own content words (names left out: a name alone is no claim),
 *      or a claim slot of the same kind (a death toll, a rank, a channel) next to shared words.
 *
 * A linked sentence's status is then decided by what THIS page says (page-status.ts).
 */
import { apartByMood, type Moods, wordMoods } from '../claims/mood.ts';
import { slotKey } from '../claims/slots.ts';
import { gramWindows } from '../compare/grams.ts';
import type { FactStatus, MatcherData } from '../index/schema.ts';
import { clauseLinks, type NamedSpan } from './clause-links.ts';
import { conceptLinks } from './concept-links.ts';
import { buildConceptIndex, type ConceptIndex, pageConcepts, valuesOf } from './concepts.ts';
import {
  buildGramTable,
  createGramSet,
  fillGramSet,
  type GramSet,
  type GramTable,
  gramEntry,
} from './gram-table.ts';
import { linksTo, type SentenceWork, type Sig, slotsOf, wordsOf } from './lexical-links.ts';
import type { Span } from './page-sentences.ts';
import { namedChannel, rankedRoles, recordedChannel } from './page-slots.ts';
import { statusOnPage } from './page-status.ts';
import { buildWholeFacts, type WholeFacts, wholeFactLinks } from './whole-fact-links.ts';

/** One linked sentence: its span, the facts it states, and their combined status. */
export interface ClaimMatch extends Span {
  ids: string[];
  status: FactStatus;
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
  /** Scratch: the facts hit by the current sentence, in `touched[0 .. n)`. */
  touched: Int32Array;
  /** Postings entry → the stamp of the last sentence that counted it, so a repeated gram counts once. */
  seen: Uint32Array;
  stamp: number;
  /** Scratch: the current candidate sentence's distinct grams. */
  sentence: GramSet;
  /** The second signal, by meaning: concepts of every signature (concept-links.ts). */
  concepts: ConceptIndex;
  /** Each fact's members' concepts together (whole-fact-links.ts). */
  whole: WholeFacts;
  /** Entity id → the channel it is in the corpus (MatcherData.channels). */
  channels: ReadonlyMap<string, string>;
  /** Role stem → the corpus role it is a kind of (MatcherData.roles). */
  roles: Readonly<Record<string, string>>;
}

/**
 * Retrieval skips grams that more facts than this share ("the ", "tion"): they select nothing,
 * and a fixed bound keeps the cost per page gram flat however big the corpus grows.
 */
const RARE_FACTS = 6;

/** Builds the inverted index over the signatures' grams. `facts` gives each fact's corpus status. */
export function buildClaimMatcher(
  data: Pick<MatcherData, 'claims' | 'paraphrases' | 'channels' | 'people' | 'roles' | 'seats'>,
  facts: readonly { id: string; status: FactStatus }[],
): ClaimMatcher {
  const { claims, paraphrases = {}, channels = {}, people, roles = {}, seats } = data;
  const sigs: Sig[] = claims.map((c) => {
    const slots = c.slots.filter((s) => s.kind !== 'quote').map((s) => ({ key: s.key, value: s.value }));
    return {
      fact: c.fact,
      grams: distinct(c.grams),
      words: new Set(c.words),
      slots,
      slotKeys: slots.map((s) => s.key).filter((k) => !k.startsWith('date')),
      ...(c.asked || c.done ? { moods: { asked: c.asked ?? [], done: c.done ?? [] } } : {}),
    };
  });
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
  const postings = buildGramTable(rare);
  const factIndex = new Map(factIds.map((id, i) => [id, i]));
  const concepts = buildConceptIndex(claims, (id) => factIndex.get(id) ?? -1, paraphrases, {
    outlets: Object.keys(channels),
    ...(people ? { people } : {}),
    ...(seats ? { seats } : {}),
  });
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
    touched: new Int32Array(factIds.length),
    seen: new Uint32Array(postings.size),
    stamp: 0,
    sentence: createGramSet(),
    concepts,
    whole: buildWholeFacts(concepts),
    channels: new Map(Object.entries(channels)),
    roles,
  };
}

/** A member's grams without repeats (charGrams writes them sorted and unique; counting relies on it). */
function distinct(grams: number[]): number[] {
  for (let i = 1; i < grams.length; i++)
    if ((grams[i] as number) <= (grams[i - 1] as number)) return [...new Set(grams)];
  return grams;
}

/** Thresholds, tuned on made-up paraphrases and look-alikes (tests/unit/match-claims.test.ts). */
const MIN_SENTENCE_GRAMS = 14;
const MIN_RARE_HITS = 6;
const RARE_SHARE = 0.3;
/**
 * Counts, per fact, the distinct rare grams of the sentence hashed into `buf[0 .. count)`, and
 * returns how many facts it hit (listed in `matcher.touched`). Runs for every page sentence: no
 * sorting, no allocation.
 */
function countHits(matcher: ClaimMatcher, buf: Uint32Array, count: number): number {
  const { postings, counts, touched, seen } = matcher;
  const { starts, items } = postings;
  if (matcher.stamp === 0xffffffff) {
    seen.fill(0);
    matcher.stamp = 0;
  }
  const stamp = ++matcher.stamp;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const e = gramEntry(postings, buf[i] as number);
    if (e === -1 || seen[e] === stamp) continue;
    seen[e] = stamp;
    const end = starts[e + 1] as number;
    for (let k = starts[e] as number; k < end; k++) {
      const f = items[k] as number;
      if ((counts[f] as number) === 0) touched[n++] = f;
      counts[f] = (counts[f] as number) + 1;
    }
  }
  return n;
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
  entities: ReadonlySet<string> = new Set(),
  cited: ReadonlySet<string> = new Set(),
  speaking: ReadonlySet<string> = entities,
  named: readonly NamedSpan[] = [],
): { ids: string[]; status: FactStatus } | null {
  const { buf, count } = gramWindows(sentence);
  // Fewer windows than the minimum means fewer distinct grams too.
  if (count < MIN_SENTENCE_GRAMS) return null;
  const lexical = matchLexically(matcher, sentence, nameWords, buf, count);
  const work: SentenceWork = lexical?.work ?? {
    text: sentence,
    grams: 0,
    nameWords,
    words: null,
    slots: null,
    roles: matcher.roles,
  };
  let ids = lexical?.ids ?? [];
  namedChannel(matcher.channels, work, entities, cited);
  recordedChannel(work);
  // A sentence that names no one can still state a fact by its figure ("since the uprising began
  // 16 months ago") or its place in a sequence ("the second defection in a week"): then only such
  // a value it shares with a member links, with a word of what it counts.
  const valuesOnly = entities.size === 0;
  if (!valuesOnly || valuesOf(slotsOf(work)).some((v) => /^=(?:duration|sequence):/.test(v))) {
    // What the sentence says, whatever its wording (concept-links.ts): a sentence that shares
    // wording with one fact may state another in other words.
    const page = pageConcepts(
      matcher.concepts,
      [...wordsOf(work), ...rankedRoles(slotsOf(work))],
      entities,
      slotsOf(work).map(slotKey),
      nameWords,
      valuesOf(slotsOf(work), matcher.concepts.paraphrases),
    );
    const speakers = new Set([...speaking].map((e) => `#${e}`));
    const more = conceptLinks(matcher.concepts, page, { speakers, valuesOnly }).map(
      (f) => matcher.factIds[f] as string,
    );
    // A fact read as a whole explains a sentence no single member states; where one does, the
    // union of another fact's members only adds a second, looser reading.
    const whole =
      ids.length || more.length
        ? []
        : wholeFactLinks(matcher.concepts, matcher.whole, page, speakers, opener(named)).map(
            (f) => matcher.factIds[f] as string,
          );
    ids = [...new Set([...ids, ...more, ...whole])];
    for (const f of clauseLinks(
      matcher.concepts,
      sentence,
      slotsOf(work),
      entities,
      nameWords,
      valuesOnly,
      named,
    )) {
      const id = matcher.factIds[f] as string;
      if (!ids.includes(id)) ids.push(id);
    }
  }
  ids = keepByMood(matcher, ids, sentence);
  if (ids.length === 0) return null;
  const slots = slotsOf(work);
  let worst: FactStatus = 'corroborated';
  ids.sort();
  for (const id of ids) {
    const status = statusOnPage(matcher.status.get(id) ?? 'single', matcher.byFact.get(id) ?? [], slots);
    if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  }
  return { ids, status: worst };
}

/** The entity concept of the name a sentence opens with, its subject. */
function opener(named: readonly NamedSpan[]): string | null {
  const first = named.find((n) => n.start === 0);
  return first ? `#${first.entity}` : null;
}

/**
 * The linked facts that some member states in the sentence's mood: a fact whose every member asks
 * of someone what the sentence reports done ("called on the army to join" / "I have joined"), or
 * the reverse, is another fact, however many words they share.
 */
function keepByMood(matcher: ClaimMatcher, ids: string[], sentence: string): string[] {
  let page: Moods | null = null;
  return ids.filter((id) => {
    const sigs = matcher.byFact.get(id) ?? [];
    if (!sigs.every((s) => s.moods)) return true;
    page ??= wordMoods(sentence);
    const moods = page;
    return !sigs.every((s) => apartByMood(s.moods as Moods, moods));
  });
}

/** The facts the sentence shares wording with (the first signal), with the work done for it. */
function matchLexically(
  matcher: ClaimMatcher,
  sentence: string,
  nameWords: ReadonlySet<string>,
  buf: Uint32Array,
  count: number,
): { ids: string[]; work: SentenceWork } | null {
  const touched = matcher.touched;
  const counts = matcher.counts;
  const hit = countHits(matcher, buf, count);
  // A linked sentence shares a good part of the fact's rare grams: most candidates stop here.
  let candidates = 0;
  for (let k = 0; k < hit; k++) {
    const f = touched[k] as number;
    const n = counts[f] as number;
    counts[f] = 0;
    if (n < MIN_RARE_HITS || n < (matcher.factRare[f] as number) * RARE_SHARE) continue;
    touched[candidates++] = f;
  }
  if (candidates === 0) return null;
  const set = matcher.sentence;
  const grams = fillGramSet(set, buf, count);
  if (grams < MIN_SENTENCE_GRAMS) return null;
  const work: SentenceWork = {
    text: sentence,
    grams,
    nameWords,
    words: null,
    slots: null,
    roles: matcher.roles,
  };
  const linked: string[] = [];
  for (let k = 0; k < candidates; k++) {
    const f = touched[k] as number;
    for (const sig of matcher.factSigs[f] as Sig[])
      if (linksTo(sig, set, work)) {
        linked.push(sig.fact);
        break;
      }
  }
  return { ids: linked, work };
}
