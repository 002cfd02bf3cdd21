/**
 * The first signal of the claim matcher (claim-matcher.ts), by wording: whether a page sentence
 * states what one member's signature words — shared character 4-grams and content words, or
 * fewer words beside a value of the same kind (a death toll, a rank, a channel).
 */
import type { Moods } from '../claims/mood.ts';
import { extractSlots, slotKey } from '../claims/slots.ts';
import { contentWords } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';
import { roleKey } from '../lexicon/roles.ts';
import { countShared, type GramSet } from './gram-table.ts';

/** One fact member's signature, compiled for matching. */
export interface Sig {
  fact: string;
  grams: number[];
  words: Set<string>;
  slots: { key: string; value: string }[];
  /** Keys of the slots that can link a sentence: dates are too common to. */
  slotKeys: string[];
  /** What the member asks of someone and reports as done (claims/mood), when it says either. */
  moods?: Moods;
}

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
export const TIME_WORDS: ReadonlySet<string> = new Set(
  contentWords(
    'second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries ago last past time times',
  ),
);

/**
 * Words that name a day or a month ("on Thursday", "in July", "yesterday"): the date slot, which
 * the page status compares, not what the sentence says happened. ("March" and "May" are verbs too.)
 */
export const DATE_WORDS: ReadonlySet<string> = new Set(
  contentWords(
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April June July August September October November December yesterday today tonight',
  ),
);

/** What one sentence's evidence is computed from, each part at most once. */
export interface SentenceWork {
  text: string;
  /** Distinct grams of the sentence. */
  grams: number;
  nameWords: ReadonlySet<string>;
  words: string[] | null;
  slots: SlotValue[] | null;
  /** The corpus's role kinds: a rank among envoys is a rank among diplomats. */
  roles?: Readonly<Record<string, string>>;
}

export function wordsOf(work: SentenceWork): string[] {
  work.words ??= contentWords(work.text);
  return work.words;
}

export function slotsOf(work: SentenceWork): SlotValue[] {
  if (!work.slots) {
    const roles = work.roles;
    work.slots = extractSlots(work.text);
    if (roles) for (const s of work.slots) if (s.kind === 'ordinal' && s.key) s.key = roleKey(s.key, roles);
  }
  return work.slots;
}

/** Whether a page sentence (its grams in `set`) states the fact one member signature words. */
export function linksTo(sig: Sig, set: GramSet, work: SentenceWork): boolean {
  const sharedGrams = countShared(set, sig.grams);
  // Grams shared / the smaller side: a short page sentence quoting part of a long member still scores.
  const smaller = Math.min(work.grams, sig.grams.length);
  if ((smaller === 0 ? 0 : sharedGrams / smaller) < LEXICAL) return false;
  const nameWords = work.nameWords;
  let shared = 0;
  let sharedPlain = 0;
  let sharedTopical = 0;
  for (const w of wordsOf(work))
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
  if (sharedTopical >= 1 && coverage >= COVERAGE_WITH_SLOT && sig.slotKeys.length) {
    // Fewer shared words, but the same kind of value (a death toll, a rank, a channel): the same
    // claim — provided one shared word is about the claim itself, not only its time unit.
    const keys = new Set(slotsOf(work).map(slotKey));
    return sig.slotKeys.some((k) => keys.has(k));
  }
  return false;
}
