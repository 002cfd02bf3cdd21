/**
 * Lexical links between clauses of different sources: char 4-gram Jaccard and idf-weighted
 * content-word overlap, looser within one story when the wording is close too, or when both
 * date the same action. Candidates share a word that is not everywhere; the score uses all words.
 */
import { apartByMood } from '../claims/mood.ts';
import { jaccard } from '../compare/grams.ts';
import { FACT_THRESHOLDS } from './fact-thresholds.ts';
import {
  type FactSentence,
  hasDay,
  sharedWordList,
  sharedWords,
  type Unit,
  WEEKDAY_WORD,
} from './fact-units.ts';

/** What the link passes read besides the units: word weights, postings and each source's story. */
export interface LinkContext {
  units: readonly Unit[];
  sentences: readonly FactSentence[];
  idf: (w: string) => number;
  df: ReadonlyMap<string, number>;
  /** Words in more units than this select no candidates (keeps candidate generation linear). */
  maxDf: number;
  unitWeight: readonly number[];
  postings: ReadonlyMap<string, number[]>;
  story: ReadonlyMap<string, number>;
  say: (i: number, j: number, why: string) => void;
}

export interface Link {
  i: number;
  j: number;
  strength: number;
}

/**
 * Whether two clauses say the same thing happened: their verbs say so, or the same actor does
 * something to two of the same things besides its name ("<country> circulated a draft resolution"
 * / "<country> introduced a draft resolution").
 * A corpus without tags has no verbs to compare.
 */
function sharesAction(u: Unit, v: Unit): boolean {
  if (u.actions.size === 0 && v.actions.size === 0) return true;
  if (u.subject !== null && u.subject === v.subject) {
    const said = sharedWordList(u.words, v.words).filter(
      (w) => !WEEKDAY_WORD.test(w) && !u.nameWords.has(w) && !v.nameWords.has(w),
    );
    if (said.length >= 2) return true;
  }
  for (const a of u.actions) if (v.actions.has(a)) return true;
  return false;
}

export function lexicalLinks(ctx: LinkContext): Link[] {
  const { units, sentences, idf, unitWeight, postings, story, say } = ctx;
  const links: { i: number; j: number; strength: number }[] = [];
  units.forEach((u, i) => {
    const candidates = new Set<number>();
    for (const w of u.words) {
      const list = postings.get(w);
      if (!list) continue;
      for (const j of list) if (j > i) candidates.add(j);
    }
    const su = sentences[u.s]!;
    for (const j of candidates) {
      const v = units[j]!;
      const sv = sentences[v.s]!;
      if (sv.source === su.source) continue;
      // Across stories, two clauses naming only different entities are about different things
      // ("residents of A queued" / "residents of B queued"), however alike the wording.
      if (
        story.get(su.source) !== story.get(sv.source) &&
        u.entities.length > 0 &&
        v.entities.length > 0 &&
        !u.entities.some((e) => v.entities.includes(e))
      )
        continue;
      // What one asks of someone the other reports done: another fact, however alike the words.
      if (apartByMood(u.moods, v.moods)) continue;
      const { weight: sw, count } = sharedWords(u.words, v.words, idf);
      const overlapWords = sw / Math.max(1e-9, Math.min(unitWeight[i]!, unitWeight[j]!));
      // Relative to the longer clause too: a short clause inside a long sentence is not its twin.
      const overlapLonger = sw / Math.max(1e-9, Math.max(unitWeight[i]!, unitWeight[j]!));
      const grams = jaccard(u.grams, v.grams);
      const strength = Math.max(grams, (overlapWords + overlapLonger) / 2);
      let why = '';
      if (
        overlapWords >= FACT_THRESHOLDS.words &&
        overlapLonger >= FACT_THRESHOLDS.longerWords &&
        count >= FACT_THRESHOLDS.sharedWords
      )
        why = `words ${overlapWords.toFixed(2)}/${overlapLonger.toFixed(2)}`;
      else if (grams >= FACT_THRESHOLDS.grams) why = `grams ${grams.toFixed(2)}`;
      // Paraphrase within one story: fewer shared words suffice when the wording is close too.
      else if (
        story.get(su.source) === story.get(sv.source) &&
        overlapWords >= FACT_THRESHOLDS.storyWords &&
        overlapLonger >= FACT_THRESHOLDS.longerWords &&
        count >= FACT_THRESHOLDS.sharedWords &&
        grams >= FACT_THRESHOLDS.storyGrams
      )
        why = `story ${overlapWords.toFixed(2)}/${grams.toFixed(2)}`;
      // The same action dated in both reports ("submitted its draft on Tuesday" / "put forward
      // its draft Wednesday"): two shared words besides the day suffice within one story, one of
      // them what the verbs say happened (an envoy's visit and a draft's circulation on two days
      // share an "effort", not an action).
      else if (
        story.get(su.source) === story.get(sv.source) &&
        hasDay(u.slots) &&
        hasDay(v.slots) &&
        sharesAction(u, v) &&
        sharedWordList(u.words, v.words).filter((w) => !WEEKDAY_WORD.test(w)).length >= 2 &&
        overlapWords >= FACT_THRESHOLDS.datedWords
      )
        why = `dated ${overlapWords.toFixed(2)}`;
      if (!why) continue;
      links.push({ i, j, strength });
      say(i, j, why);
    }
  });
  return links;
}
