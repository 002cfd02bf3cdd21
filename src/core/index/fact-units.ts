/**
 * The unit of fact grouping: a clause of one source's sentence, with what the link passes
 * compare — its content words (read through the corpus's phrases), char grams, slot values, the
 * entities it names, and what its verbs say happened.
 */
import { splitClauses } from '../claims/clauses.ts';
import { type Moods, moodAt } from '../claims/mood.ts';
import { extractSlots, slotKey } from '../claims/slots.ts';
import { charGrams, contentWords } from '../compare/grams.ts';
import type { SlotValue } from './schema.ts';

export interface FactSentence {
  source: string;
  /** Index of the sentence in its source. */
  sentence: number;
  text: string;
  caption?: boolean;
  published?: string | null;
  /** Entity mentions in the sentence (offsets into `text`). */
  entities?: { id: string; start: number; end: number }[];
  /** Offsets into `text` of the tokens the tagger calls verbs: what a clause says happened. */
  verbs?: number[];
}

export interface Unit {
  /** Concepts of its verbs, each read with the word after it ("put forward" → "submit"). */
  actions: Set<string>;
  /** Its actions asked of someone ("called on the army to join") and reported done ("had joined"). */
  moods: Moods;
  /** The entity it names first: in English news, mostly who acted. */
  subject: string | null;
  /** Stems of the names it prints. */
  nameWords: Set<string>;
  s: number;
  start: number;
  end: number;
  words: string[];
  grams: number[];
  slots: SlotValue[];
  /** Entity ids named in the clause, sorted. */
  entities: string[];
}

export const WEEKDAY_WORD = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;

export function hasDay(slots: SlotValue[]): boolean {
  return (
    slots.some((x) => slotKey(x) === 'date:day' && x.value.startsWith('weekday:')) ||
    slots.some((x) => slotKey(x) === 'date:day' && /^\d{4}-/.test(x.value))
  );
}

/** English light verbs: "made no mention", "take part" say what happened through their object. */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  contentWords('make made take took give gave get got do did have go went come came keep let'),
);

/**
 * The clauses of every sentence as units, and each sentence's words (all its clauses'), sorted.
 * `readWords` reads a clause's stems, in text order, as concepts ("put forward" meets "submit").
 */
export function clauseUnits(
  sentences: readonly FactSentence[],
  readWords?: (stems: string[]) => string[],
): { units: Unit[]; sentenceWords: string[][] } {
  const units: Unit[] = [];
  const sentenceWords: string[][] = [];
  sentences.forEach((sen, s) => {
    const slots = sen.caption ? [] : extractSlots(sen.text, { published: sen.published ?? null });
    const words = new Set<string>();
    for (const c of splitClauses(sen.text)) {
      const text = sen.text.slice(c.start, c.end);
      const stems = contentWords(text);
      const unitWords = (readWords ? readWords(stems) : stems).sort();
      const unitSlots = slots.filter((x) => x.start < c.end && x.end > c.start);
      const named = (sen.entities ?? []).filter((e) => e.start < c.end && e.end > c.start);
      const unitEntities = [...new Set(named.map((e) => e.id))].sort();
      // A clause without a content word, a name or a value states nothing on its own (the
      // connector "in which he said:" between a statement and its quote): no fact of its own.
      if (!unitWords.length && !unitSlots.length && !unitEntities.length) continue;
      const actions = new Set<string>();
      const asked = new Set<string>();
      const done = new Set<string>();
      const verbAt = new Set(sen.verbs ?? []);
      for (const at of sen.verbs ?? []) {
        if (at < c.start || at >= c.end) continue;
        const pair = /^\S+(?:\s+\S+)?/u.exec(sen.text.slice(at, c.end))?.[0] ?? '';
        const stems = contentWords(pair);
        const end = at + (/^\S+/u.exec(sen.text.slice(at))?.[0].length ?? 0);
        const mood = moodAt(sen.text, at, end, (o) => verbAt.has(o));
        for (const w of readWords ? readWords(stems) : stems)
          if (!LIGHT_VERBS.has(w) && !WEEKDAY_WORD.test(w)) {
            actions.add(w);
            if (mood === 'asked') asked.add(w);
            else if (mood === 'done') done.add(w);
          }
      }
      const first = [...named].sort((a, b) => a.start - b.start)[0];
      units.push({
        actions,
        moods: { asked: [...asked], done: [...done] },
        subject: first ? first.id : null,
        nameWords: new Set(named.flatMap((e) => contentWords(sen.text.slice(e.start, e.end)))),
        s,
        start: c.start,
        end: c.end,
        words: unitWords,
        grams: charGrams(text),
        slots: unitSlots,
        entities: unitEntities,
      });
      for (const w of units[units.length - 1]!.words) words.add(w);
    }
    sentenceWords.push([...words].sort());
  });
  return { units, sentenceWords };
}

export function sharedWordList(a: string[], b: string[]): string[] {
  const set = new Set(a);
  return b.filter((w) => set.has(w));
}

/** Idf weight and number of the words two sorted word lists share. */
export function sharedWords(
  a: string[],
  b: string[],
  idf: (w: string) => number,
): { weight: number; count: number } {
  let i = 0;
  let j = 0;
  let weight = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      weight += idf(x);
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { weight, count };
}

/** Whether two clauses share a content word or a named entity. */
export function clausesTouch(u: Unit, v: Unit): boolean {
  return sharedWordList(u.words, v.words).length > 0 || u.entities.some((e) => v.entities.includes(e));
}
