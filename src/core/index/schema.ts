/**
 * The shape of `index.json`: crossread's public contract (../shared/DESIGN.md, docs/index-format.md).
 *
 * Tests and tools outside the project read these fields, so they only ever grow: a field is never
 * renamed or removed without bumping {@link INDEX_VERSION}. Everything the page matcher needs is
 * precomputed here at build time (CONVENTIONS.md 2), so the content script never runs NLP.
 */

/** Bumped whenever a field changes meaning or disappears; the loader refuses any other version. */
export const INDEX_VERSION = 3;

/** Entity types, as the contract names them. */
export type EntityType = 'person' | 'place' | 'organization' | 'other';

/** How the corpus reports a fact overall. */
export type FactStatus = 'corroborated' | 'conflict' | 'single';

import type { Timeline } from './timeline.ts';

/** How one source's sentence relates to the fact. */
export type Stance = 'agrees' | 'partial' | 'conflicts';

/** One article of the corpus. `file` is the seed file name; metadata is null where the text does not support it. */
export interface Source {
  id: string;
  file: string;
  outlet: string | null;
  /** Short name a reader tells the source apart by, from the text ("Wire copy, Oslo dateline"). */
  label?: string | null;
  title?: string | null;
  url?: string | null;
  /** ISO date (YYYY-MM-DD) when known. */
  published?: string | null;
  /**
   * Whose copy the article says it carries (index version 3, omitted when it says nothing): a
   * dateline credit, a sign-off or a photo credit, as printed ("Newswire", "Agencies").
   */
  credit?: string;
  /**
   * When it reported (index version 3, omitted when unknown): `published`, else a date stamp the
   * article prints ("Published: May 6, 2031"). Never guessed from dates inside the story.
   */
  time?: string;
  /** Cleaned article text as displayed by the reader view (furniture removed, original characters kept). */
  /** Which corpus the source comes from where several are read together ("bundled", "reader"). */
  corpus?: string;
  text: string;
  /** Sentence spans in `text`, in order; fact members point at them by index. */
  sentences: SentenceSpan[];
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** Photo captions are kept but marked: they repeat across outlets and carry old dates. */
  caption?: boolean;
}

/** One spelling of an entity, with the sources that use it. */
export interface Alias {
  text: string;
  sources: string[];
}

export interface Entity {
  id: string;
  /** Canonical name: the most complete, most used spelling. */
  name: string;
  type: EntityType;
  aliases: Alias[];
  /** How many mentions across the corpus (salience; used to resolve bare surnames). */
  mentions: number;
}

/** A value a claim slot carries, e.g. a number with modifier and unit, an ordinal, a day, a channel. */
export interface SlotValue {
  /** Slot kind: 'number' | 'ordinal' | 'date' | 'quote' | 'attribution' | 'channel' | … */
  kind: string;
  /** The words as printed in the member sentence. */
  text: string;
  /** Normalised value used for comparison ("13000", "first", "2012-07-11", "facebook"). */
  value: string;
  /** Offsets of `text` within the member's `text`. */
  start: number;
  end: number;
  /** Comparison key (core/claims/slots `slotKey`): "number:killed", "ordinal:diplomat", "date:day", "channel". */
  key?: string;
  /** Quantity modifier as a sign: '<' (just under, nearly), '>' (more than, at least), '~' (around). */
  modifier?: string;
  /** Head noun of a quantity ("member", "month"), or the medium of a channel ("video statement"). */
  unit?: string;
  /** What a count counts, from the sentence's verb ("killed", "wounded", "detained", "displaced"). */
  predicate?: string;
  /** For quotes: the attributed speaker as printed, when the sentence names one. */
  speaker?: string;
  /**
   * Whom the sentence attributes this value to, when that is not the member's own attribution
   * (index version 3): "…say more than 15,000 …, while <agency> has put the toll at 10,000".
   */
  attribution?: string;
}

export interface FactMember {
  /** Source id. */
  source: string;
  /** That source's own sentence, as printed. */
  text: string;
  stance: Stance;
  /** Index into the source's `sentences`. */
  sentence: number;
  /** The part of `text` that states this fact (a sentence stating several facts is a member of each). */
  span: { start: number; end: number };
  /** Slot values found in this member, with offsets into `text` (the popup bolds the differing ones). */
  values: SlotValue[];
  /** True when the sentence is shared near-verbatim with another source (wire copy): not an independent report. */
  wire?: boolean;
  /**
   * The report this member is part of (index version 3): an id in `CorpusIndex.origins`. Members
   * of one fact with one origin are one report, however many sources print it.
   */
  origin?: string;
  /**
   * Whom the source says the fact comes from, as printed ("the foreign ministry", "Opposition
   * groups"), or null where the outlet states it itself (index version 3).
   */
  attribution?: string | null;
  /**
   * The day the member reports about, as an ISO date (index version 3, omitted when the text
   * gives none or it cannot be placed): "on Tuesday", "last night", read against its source's time.
   */
  when?: string;
}

/**
 * One report (index version 3): the sources of a copy group (they share near-verbatim sentences),
 * or one source on its own. `shared` counts the near-verbatim body sentences between its sources.
 */
export interface Origin {
  id: string;
  sources: string[];
  /** The credit its sources print (a named one before "Agencies"), else null. */
  credit: string | null;
  shared: number;
}

/** For a conflict: the values each source gives for one slot. */
export interface Difference {
  kind: string;
  values: { source: string; value: string; text: string }[];
}

export interface Fact {
  id: string;
  status: FactStatus;
  /** A short label for lists (the most representative member's span). */
  label: string;
  /** Entity ids the fact involves. */
  entities: string[];
  members: FactMember[];
  /** Value-level differences between sources (empty unless status is conflict). */
  differences: Difference[];
  /**
   * Index version 3, present only when the differing values follow each other in time (every
   * source's time known, each group of agreeing sources reporting before the next):
   * `updated` for a count that rose, `timeline` for any other change (core/index/timeline.ts).
   */
  timeline?: Timeline;
}

/**
 * What the page matcher needs, precomputed by the indexer. Kept separate from the facts so the
 * content script receives only this (PERF-NOTES: never ship the full index to every page).
 */
export interface MatcherData {
  /** Name patterns: every alias and the folded keys the page may use for unseen spellings. */
  names: NamePattern[];
  /** One signature per fact member sentence, for matching page sentences to facts. */
  claims: ClaimSignature[];
  /**
   * Paraphrase map (index version 2): a content-word stem → the concept it is read as (a stem
   * the corpus never prints → the corpus stem it is a synonym or derived form of; a corpus stem →
   * the head of its word family), compiled from WordNet for the corpus's own words.
   */
  paraphrases?: Record<string, string>;
  /**
   * Entities the corpus names as the channel of a statement ("a video statement on <name>"),
   * with that channel's value (index version 2, optional): a page that names one names a channel,
   * however it puts it ("<name> reported that …").
   */
  channels?: Record<string, string>;
  /** Ids of the entities that are people (index version 2, optional): who said it, for channel links. */
  people?: string[];
  /**
   * Kinds of the corpus's rank roles (index version 2, optional): role stem → the corpus role stem
   * it is a kind of ("envoy" → "diplomat"), so "the first envoy" is ranked among diplomats.
   */
  roles?: Record<string, string>;
  /**
   * Capitals of the corpus's countries (index version 2, optional): capital entity id → the
   * entity id of the country it is the national capital of (WordNet), so "the ambassador to
   * <capital>" names the country too, on both sides.
   */
  seats?: Record<string, string>;
}

export interface NamePattern {
  entity: string;
  /** Token keys (see core/entities/name-key) of one accepted spelling, in order. */
  keys: string[];
  /** True if this spelling may match alone as a bare surname / single token. */
  single?: boolean;
  /** Key positions the corpus writes in lower case ("Labour party"): the page may too; elsewhere a capital is required. */
  lower?: number[];
  /** Key positions the corpus writes as an acronym ("EU", "U.K."): the page must too ("Un" is a word). */
  caps?: number[];
  /** For a one-word pattern: the corpus's own spellings, folded; a bare word on the page must be close to one. */
  spellings?: string[];
}

export interface ClaimSignature {
  fact: string;
  /** Source id of the member this signature was computed from. */
  source: string;
  /** Sorted, de-duplicated 32-bit hashes of the member span's character 4-grams (folded text). */
  grams: number[];
  /** Slot keys the member states (kind:predicate), with values, for slot-aware matching. */
  slots: { kind: string; key: string; value: string }[];
  /** Content-word keys, for the "shares words but states something else" guard. */
  words: string[];
  /** Entity ids named in the member span (index version 2), for linking by meaning. */
  entities?: string[];
  /** Content words of those names (index version 2): the entity ids stand for them. */
  nameWords?: string[];
  /**
   * Stems of the words the span asks of someone ("urged the army to <join>") and reports as done
   * ("has <joined>") (index version 2, optional; core/claims/mood): a page sentence that reports
   * done what every member only asks, or the reverse, states another fact.
   */
  asked?: string[];
  done?: string[];
}

/** The whole `index.json`. */
export interface CorpusIndex {
  version: number;
  /** Human-readable note on how this index was built (folder, counts). */
  generator?: string;
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  /** The reports the members come from (index version 3; absent in older indexes). */
  origins?: Origin[];
  matcher: MatcherData;
}

/** A valid index with nothing in it, written when a corpus folder is empty. */
export function emptyIndex(): CorpusIndex {
  return { version: INDEX_VERSION, sources: [], entities: [], facts: [], matcher: { names: [], claims: [] } };
}
