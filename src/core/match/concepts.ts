/**
 * What a sentence and a fact member say, as concepts: content words read through the corpus's
 * paraphrase map (a synonym or derived form becomes the corpus's own word), the entities named
 * (by id, whatever the spelling; a capital names its country too) and the kinds and values of the
 * claims stated (a death toll, a rank, a channel). Each concept weighs by how few facts share it;
 * concept-links.ts compares the two sides.
 */
import type { ClaimSignature } from '../index/schema.ts';
import { readConcepts } from '../lexicon/paraphrases.ts';

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

/** Concepts shared by more facts than this select nothing and are not posted. */
const COMMON = 40;

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
