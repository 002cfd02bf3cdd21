/**
 * Links by meaning where the wording differs: a page sentence and a fact member are compared as
 * sets of concepts — content words read through the corpus's paraphrase map (a synonym or derived
 * form becomes the corpus's own word), the entities named (by id, whatever the spelling) and the
 * kinds of value stated (a death toll, a rank, a channel). Each concept weighs by how few facts
 * share it, so "resigned" + the mayor's name + "harbour" outweighs "said" + the country.
 *
 * A link needs the concepts of both sides to overlap well (a weighted Dice score), at least two
 * shared content words that are not names, and one shared name or value: a sentence that only
 * uses the story's vocabulary states no particular fact.
 */
import type { ClaimSignature } from '../index/schema.ts';
import { readConcepts } from '../lexicon/paraphrases.ts';
import { TIME_WORDS } from './lexical-links.ts';

export interface ConceptSig {
  fact: number;
  concepts: string[];
  weight: number;
  /** The weight of its plain words alone (no names, no values). */
  wordWeight: number;
}

export interface ConceptIndex {
  sigs: ConceptSig[];
  /** Concept → signature indexes. */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  paraphrases: Readonly<Record<string, string>>;
  /** Capital entity → the country it governs (lexicon/capitals). */
  seats: Readonly<Record<string, string>>;
  /** The idf of a concept in one fact only: the weight of a concept the corpus lacks. */
  rarest: number;
  /**
   * Entity concepts ("#e4") of people, when the index says which entities are people; else every
   * entity that is no channel (an index without types). A shared one says who said it.
   */
  isPerson: (concept: string) => boolean;
}

/** Concepts of a signature: words, entity ids ("#e4"), comparable slot keys ("%ordinal:diplomat"). */
export function sigConcepts(
  c: ClaimSignature,
  paraphrases: Readonly<Record<string, string>> = {},
  seats: Readonly<Record<string, string>> = {},
): string[] {
  // A name counts once, as its entity: its words would count it again, spelling by spelling.
  const names = new Set(c.nameWords ?? []);
  const out = new Set(
    readConcepts(
      c.words.filter((w) => !names.has(w)),
      paraphrases,
    ),
  );
  for (const e of c.entities ?? []) addEntity(out, e, seats);
  for (const s of c.slots) {
    if (COMPARABLE.test(s.key)) out.add(`%${s.key}`);
    const same = valueConcept(s, paraphrases);
    if (same) out.add(same);
  }
  return [...out];
}

/** An entity's concept, and the country's where the entity is its capital ("Nairobi" names Kenya). */
function addEntity(out: Set<string>, entity: string, seats: Readonly<Record<string, string>>): void {
  out.add(`#${entity}`);
  const country = seats[entity];
  if (country) out.add(`#${country}`);
}

/**
 * A count or duration with its value ("=duration:month=16"): two reports that give the same
 * figure for the same kind of thing, and share a word of what it counts, report one fact. A
 * sequence names its event through the paraphrase map ("=sequence:defect=week"), so "the second
 * defection in a week" meets "follows the defection last week" and not "the second defeat".
 */
export function valueConcept(
  slot: { key?: string; kind: string; value: string; text?: string },
  paraphrases: Readonly<Record<string, string>> = {},
): string | null {
  const key = slot.key ?? slot.kind;
  if (!slot.value) return null;
  if (key.startsWith('sequence:')) {
    const event = key.slice('sequence:'.length);
    return `=sequence:${paraphrases[event] ?? event}=${slot.value}`;
  }
  if (!/^(?:number|duration):/.test(key)) return null;
  // "the 15-member council", "a six-point plan": a count that names the thing, not a figure reported.
  if (key.startsWith('number:') && /^\S+-\p{L}/u.test(slot.text ?? '')) return null;
  return `=${key}=${slot.value}`;
}

/** Slot keys that say which fact a value belongs to (a day does not: every story has days). */
export const COMPARABLE = /^(?:number|duration|ordinal):|^(?:channel|response|origin)$/;

const CHANNEL = '%channel';
const RESPONSE = '%response';

/** Concepts shared by more facts than this select nothing and are not posted. */
const COMMON = 40;
/** Weighted Dice overlap at which a page sentence states the member's fact. */
export const CONCEPT_SCORE = 0.45;
/** The score needed when a shared name and a shared kind of value anchor the link. */
export const VALUE_SCORE = 0.22;
/** Share of the member's plain-word weight that links without a shared name or value. */
export const WHOLE_SHARE = 0.6;
/** Share of the member's plain-word weight the page sentence must state. */
export const WORD_SHARE = 0.45;
/** Shared plain words that link at WORD_SHARE without a shared name. */
const MANY_WORDS = 5;
/**
 * Share of the page sentence's own concept weight that a long member may hold for a link: a page
 * sentence that says nothing the member does not ("<country> has circulated a draft, backed by …")
 * states it, however much more the member says.
 */
export const PAGE_COVERAGE = 0.9;
/** Of the best fact's score, what a second fact of the same sentence must reach. */
const SECOND = 0.9;

export function buildConceptIndex(
  claims: readonly ClaimSignature[],
  factOf: (id: string) => number,
  paraphrases: Readonly<Record<string, string>> = {},
  entities: {
    outlets?: Iterable<string>;
    people?: Iterable<string>;
    seats?: Readonly<Record<string, string>>;
  } = {},
): ConceptIndex {
  const seats = entities.seats ?? {};
  const df = new Map<string, Set<number>>();
  const sigs: ConceptSig[] = claims.map((c) => {
    const fact = factOf(c.fact);
    const concepts = sigConcepts(c, paraphrases, seats);
    for (const k of concepts) {
      const set = df.get(k) ?? new Set<number>();
      set.add(fact);
      df.set(k, set);
    }
    return { fact, concepts, weight: 0, wordWeight: 0 };
  });
  const facts = new Set(sigs.map((s) => s.fact)).size || 1;
  const idf = new Map<string, number>();
  for (const [k, set] of df) idf.set(k, Math.log(1 + facts / set.size));
  const postings = new Map<string, number[]>();
  sigs.forEach((s, i) => {
    s.weight = s.concepts.reduce((n, k) => n + (idf.get(k) ?? 0), 0);
    s.wordWeight = s.concepts.reduce((n, k) => n + (/^[#%=]/.test(k) ? 0 : (idf.get(k) ?? 0)), 0);
    for (const k of s.concepts) {
      if ((df.get(k)?.size ?? 0) > COMMON) continue;
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  const outlets = new Set([...(entities.outlets ?? [])].map((e) => `#${e}`));
  const people = entities.people ? new Set([...entities.people].map((e) => `#${e}`)) : null;
  const isPerson = (k: string) => (people ? people.has(k) : !outlets.has(k));
  return { sigs, postings, idf, paraphrases, seats, isPerson, rarest: Math.log(1 + facts) };
}

/** The value concepts of a page sentence's slots. */
export function valuesOf(
  slots: readonly { key?: string; kind: string; value: string; text?: string }[],
  paraphrases: Readonly<Record<string, string>> = {},
): string[] {
  return slots.map((s) => valueConcept(s, paraphrases)).filter((v): v is string => v !== null);
}

/** A page sentence's concepts: its words through the paraphrase map, its entities, its slot keys. */
export function pageConcepts(
  index: ConceptIndex,
  words: readonly string[],
  entities: Iterable<string>,
  slotKeys: Iterable<string>,
  nameWords: ReadonlySet<string> = new Set(),
  values: Iterable<string> = [],
): Set<string> {
  const out = new Set<string>();
  for (const k of readConcepts(
    words.filter((w) => !nameWords.has(w)),
    index.paraphrases,
  ))
    out.add(k);
  for (const e of entities) addEntity(out, e, index.seats);
  for (const k of slotKeys) if (COMPARABLE.test(k)) out.add(`%${k}`);
  for (const v of values) out.add(v);
  return out;
}

/**
 * Fact indexes the concepts state, best first (at most two, and the fact of how a person said it).
 * `strict`: only a link that states the member's own words (a clause read on its own).
 * `speakers`: the entity concepts named outside quotations; a person named only inside a quote is
 * what someone says, not who says it, so no value or channel link rests on them.
 * `valuesOnly`: the sentence names no one, so only the same figure links (below).
 */
export function conceptLinks(
  index: ConceptIndex,
  page: ReadonlySet<string>,
  options: { strict?: boolean; speakers?: ReadonlySet<string>; valuesOnly?: boolean } = {},
): number[] {
  let pageWeight = 0;
  let pageNames = 0;
  // What the page says that the corpus never does weighs as its rarest word, for the coverage test.
  let pageSays = 0;
  for (const k of page) {
    const w = index.idf.get(k);
    pageWeight += w ?? 0;
    pageSays += w ?? index.rarest;
    if (k.startsWith('#')) pageNames++;
  }
  if (pageWeight === 0) return [];
  const candidates = new Set<number>();
  for (const k of page) for (const i of index.postings.get(k) ?? []) candidates.add(i);
  const best = new Map<number, number>();
  const told = new Map<number, number>();
  const answered = new Map<number, { score: number; aboutThem: boolean }>();
  for (const i of candidates) {
    const sig = index.sigs[i] as ConceptSig;
    let shared = 0;
    let words = 0;
    let wordWeight = 0;
    let anchors = 0;
    let people = 0;
    let values = 0;
    let sameValues = 0;
    let topical = 0;
    for (const k of sig.concepts) {
      if (!page.has(k)) continue;
      const w = index.idf.get(k) ?? 0;
      shared += w;
      if (k.startsWith('#')) {
        anchors++;
        if (index.isPerson(k) && (!options.speakers || options.speakers.has(k))) people++;
      } else if (k.startsWith('%')) values++;
      else if (k.startsWith('=')) sameValues++;
      else {
        words++;
        wordWeight += w;
        if (!TIME_WORDS.has(k)) topical++;
      }
    }
    const score = (2 * shared) / (sig.weight + pageWeight);
    // The member's own predicate must be stated, not only its names and values ...
    const share = wordWeight / Math.max(1e-9, sig.wordWeight);
    const stated =
      !options.valuesOnly &&
      ((score >= CONCEPT_SCORE &&
        ((words >= 2 && anchors + values >= 1 && share >= WORD_SHARE) ||
          // no shared name, but most of the member's own words ("the first senior diplomat"),
          // and no name of the page's that the member lacks (then it is about someone else)
          (words >= 3 && share >= WHOLE_SHARE && anchors === pageNames) ||
          // ... or less of them when five or more are shared: that many words are evidence enough
          (words >= MANY_WORDS && share >= WORD_SHARE && anchors === pageNames) ||
          // a member that is one word about a person ("Kimani, a Lutheran"): that word and that
          // person, named outside a quotation, are all it says
          (words === 1 && share >= 1 && people >= 1 && sig.concepts.length === 2))) ||
        // ... or the page sentence says nothing else, names and plain words alike
        (words >= 3 && anchors >= 1 && shared >= pageSays * PAGE_COVERAGE) ||
        // ... or it holds every concept of a short member, its names and its words
        (words >= 2 && anchors >= 1 && words + anchors + values + sameValues === sig.concepts.length) ||
        // ... or a short piece that says only what the member says of two of its names
        (options.strict === true &&
          topical >= 1 &&
          anchors >= 2 &&
          people >= 1 &&
          shared >= pageSays - 1e-9));
    // ... unless the same person and the same kind of value say which fact it is: "announced it on
    // a TV channel" and "posted a video on a website" report one thing, its channel aside.
    const valued =
      (!options.strict &&
        !options.valuesOnly &&
        values >= 1 &&
        people >= 1 &&
        topical >= 1 &&
        score >= VALUE_SCORE) ||
      // ... or the same figure of the same kind, and a shared word of what it counts.
      (sameValues >= 1 && topical >= 1);
    if ((stated || valued) && score > (best.get(sig.fact) ?? 0)) best.set(sig.fact, score);
    // How a person said it (a channel) is a fact of its own beside what they said: the same
    // person and a channel on both sides link it even when the rest of the sentence states more.
    if (
      !options.strict &&
      !options.valuesOnly &&
      people >= 1 &&
      channel(sig, page) &&
      score > (told.get(sig.fact) ?? 0)
    )
      told.set(sig.fact, score);
    // So is how an official side answered (a statement, or none): the side is a government, named
    // by its country rather than a person, with two words of what it said or was asked, when the
    // sentence names the fact's person or states another fact: a government that "did not
    // comment on the oil deal" answers about something else.
    if (
      !options.strict &&
      !options.valuesOnly &&
      page.has(RESPONSE) &&
      sig.concepts.includes(RESPONSE) &&
      anchors >= 1 &&
      topical >= 2 &&
      score >= VALUE_SCORE &&
      score > (answered.get(sig.fact)?.score ?? 0)
    )
      answered.set(sig.fact, { score, aboutThem: people >= 1 });
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = ranked[0]?.[1] ?? 0;
  const links = ranked
    .filter(([, s]) => s >= top * SECOND)
    .slice(0, 2)
    .map(([f]) => f);
  const how = [...told.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (how && !links.includes(how[0])) links.push(how[0]);
  const reply = [...answered.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0])[0];
  if (reply && (links.length > 0 || reply[1].aboutThem) && !links.includes(reply[0])) links.push(reply[0]);
  return links;
}

function channel(sig: ConceptSig, page: ReadonlySet<string>): boolean {
  return page.has(CHANNEL) && sig.concepts.includes(CHANNEL);
}
