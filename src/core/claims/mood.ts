/**
 * What a sentence says of each action it names: asked of someone ("called on the army to join",
 * "urged members to defect") or reported as done or under way ("has joined", "was joining",
 * "defected"). Asking others to join is not having joined, so two reports that share an action
 * only in opposite moods state different facts, however many words they share. Read from the
 * text alone, the same way on the corpus side and on the page.
 */
import { wordStem } from '../compare/grams.ts';
import { tokenize } from '../text/tokens.ts';

export type Mood = 'asked' | 'done';

/** The stems of a text's words in each mood. */
export interface Moods {
  asked: string[];
  done: string[];
}

/** "<someone> to <verb>": the word before "to", with an optional opening quotation mark after it. */
const TO_BEFORE = /(\p{L}+)\s+to\s+["\u201c]?$/u;
/** An auxiliary of a perfect or progressive before the verb (an adverb may sit between). */
const AUX_BEFORE =
  /\b(?:has|have|had|is|are|was|were|'s)(?:\s+(?:been|also|already|now|just|not|since))?\s+$/iu;
/** A past or present participle (or a past tense: English writes most with -ed). */
const DONE_FORM = /^\p{L}{2,}(?:ed|ing)$/u;
/** A determiner before a participle makes it an adjective ("the striking workers", "its embattled leader"). */
const DETERMINER_BEFORE = /\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+$/iu;
/**
 * English verbs and adjectives whose infinitive is the subject's own act ("decided to join",
 * "ready to talk"), not one asked of someone else: grammar, not any story's words.
 */
const SUBJECT_CONTROL: ReadonlySet<string> = new Set(
  (
    'want wants wanted plan plans planned planning hope hopes hoped try tries tried decide decides ' +
    'decided refuse refuses refused agree agrees agreed vow vows vowed promise promises promised ' +
    'threaten threatens threatened seem seems seemed appear appears appeared begin begins began ' +
    'start starts started continue continues continued fail fails failed need needs needed intend ' +
    'intends intended expect expects expected attempt attempts attempted choose chooses chose ' +
    'offer offers offered prepare prepares prepared pledge pledges pledged aim aims aimed seek ' +
    'seeks sought tend tends tended manage manages managed used going able unable likely unlikely ' +
    'ready due set about wish wishes wished order ordered forced allowed asked'
  ).split(' '),
);

/**
 * The mood of the word at `[start, end)` of `text`: asked when "to" comes before it after a word
 * that does not make the infinitive the subject's own ("the military to join"); done when it is a
 * participle or follows an auxiliary; else null (a bare form: an imperative, an intent).
 * `isVerb(offset)`, where the caller has a tagger, says the word before "to" is a verb.
 */
export function moodAt(
  text: string,
  start: number,
  end: number,
  isVerb?: (offset: number) => boolean,
): Mood | null {
  const before = text.slice(Math.max(0, start - 60), start);
  const to = TO_BEFORE.exec(before);
  if (to) {
    const word = (to[1] as string).toLowerCase();
    const at = start - before.length + to.index;
    if (SUBJECT_CONTROL.has(word) || isVerb?.(at)) return null;
    return 'asked';
  }
  if (AUX_BEFORE.test(before)) return 'done';
  if (DONE_FORM.test(text.slice(start, end)) && !DETERMINER_BEFORE.test(before)) return 'done';
  return null;
}

/** The stems of every word of `text` in each mood. */
export function wordMoods(text: string): Moods {
  const asked = new Set<string>();
  const done = new Set<string>();
  for (const t of tokenize(text)) {
    const mood = moodAt(text, t.start, t.end);
    if (!mood) continue;
    const stem = wordStem(t.text);
    if (stem) (mood === 'asked' ? asked : done).add(stem);
  }
  return { asked: [...asked], done: [...done] };
}

/**
 * Whether two reports tell their shared actions apart by mood: what one asks of someone the
 * other reports as done, and no action they share is in one mood in both. `a` and `b` hold the
 * stems of the actions each names (a word in neither mood counts as no evidence either way).
 */
export function apartByMood(a: Moods, b: Moods): boolean {
  let apart = false;
  for (const w of a.asked) {
    if (b.asked.includes(w)) return false;
    if (b.done.includes(w)) apart = true;
  }
  for (const w of a.done) {
    if (b.done.includes(w)) return false;
    if (b.asked.includes(w)) apart = true;
  }
  return apart;
}
