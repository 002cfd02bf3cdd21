/**
 * Whom a sentence says its claims come from: "Opponents say …", "…, officials said on Monday",
 * "…, said the minister", "according to the ministry", "the council has put the toll at …". Each
 * attribution governs a stretch of the sentence (its scope), so a sentence with two attributed
 * values ("groups say more than 15,000 …, while the agency has put the toll at 10,000") keeps
 * both. Read by the shape of English reporting clauses, never from a list of names; a pronoun
 * ("he said") names no one beyond the person the fact is about, so it is no attribution.
 */

export interface Attribution {
  /** Who, as printed ("the foreign ministry", "Opposition groups"). */
  who: string;
  /** The stretch of the sentence the attribution governs. */
  start: number;
  end: number;
}

const VERB =
  '(?:says|said|say|told|tells|reported|reports|claimed|claims|estimated|estimates|stated|announced|declares|declared)';
/** Words that end a subject on its left: a clause joint, not part of who. */
const JOINT = /^(?:while|and|but|as|that|because|after|when|though|although|whereas|where|which|who)$/iu;
const PRONOUN = /^(?:he|she|it|they|we|i|you|this|that|these|those|there)$/iu;
/** Reporting words that make the subject before them a source ("the statement said"). */
const LEAD = new RegExp(String.raw`(?:^|[\s,;:])(?:(?:has|have|had)\s+)?(${VERB})\b`, 'giu');
const PUT_AT =
  /\b(?:(?:has|have|had)\s+)?(?:put|puts|estimated|estimates)\s+the\s+(?:death\s+)?(?:toll|number|figure)\s+at\b/giu;
const INVERTED = new RegExp(String.raw`[,\u201d"]\s*${VERB}\s+([^,.;:]{2,60}?)\s*(?:[,.;]|$)`, 'giu');
const ACCORDING = /\baccording\s+to\s+([^,.;:]{2,60}?)\s*(?:[,.;]|$)/giu;
/** A subject is a short noun phrase: at most this many words. */
const MAX_WORDS = 7;

/** The noun phrase that ends at `end` (exclusive), or null when it is no short subject. */
function subjectBefore(text: string, end: number): { who: string; start: number } | null {
  let i = end;
  while (i > 0 && /\s/u.test(text.charAt(i - 1))) i--;
  const stop = i;
  let words = 0;
  let start = i;
  while (i > 0) {
    const c = text.charAt(i - 1);
    if (
      /[,;:()\u201c\u201d"\u2014\u2013]/u.test(c) ||
      (c === '.' && !/(?:^|\s)\p{Lu}\p{Ll}{0,2}\.$/u.test(text.slice(Math.max(0, i - 4), i)))
    )
      break;
    let j = i;
    while (j > 0 && !/\s/u.test(text.charAt(j - 1))) j--;
    const word = text.slice(j, i);
    if (JOINT.test(word)) break;
    if (++words > MAX_WORDS) return null;
    start = j;
    i = j;
    while (i > 0 && /\s/u.test(text.charAt(i - 1))) i--;
  }
  const who = text
    .slice(start, stop)
    .trim()
    .replace(/^["'\u2018\u201c]+/u, '');
  if (!who || words === 0) return null;
  // "He also said", "He did not elaborate or say": a pronoun's clause names no one new.
  if (PRONOUN.test(who.split(/\s+/u)[0] ?? '')) return null;
  // A subject names someone: a capitalised word or a noun after a possessive or determiner.
  if (!/\p{Lu}|\p{L}s?['\u2019]s?\s|\b(?:the|a|an|its|their|his|her)\s/u.test(who) && words < 2) return null;
  return { who, start };
}

/** Trims a trailing "on Monday" or time phrase off a subject or an inverted speaker. */
function tidy(who: string): string {
  return who
    .replace(/\s+(?:on|late|early|last|this)\s.*$/iu, '')
    .replace(/\s+(?:in|at)\s+(?:a|an|his|her|its|their)\s.*$/iu, '')
    .replace(/\s+(?:today|yesterday|tonight|now)$/iu, '')
    .replace(/^(?:and|but|while)\s+/iu, '')
    .trim();
}

/** Every attribution in `text`, in order, each with the stretch it governs. */
export function attributionsOf(text: string): Attribution[] {
  const found: { who: string; at: number; forward: boolean; from: number }[] = [];
  const lead = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const verbAt = (m.index ?? 0) + m[0].search(/\S/u);
      const subject = subjectBefore(text, verbAt);
      if (!subject) continue;
      const who = tidy(subject.who);
      if (!who || (PRONOUN.test(who) && !who.includes(' '))) continue;
      // A subject at the start of a clause says what follows; one after the claim ("…, X said") what precedes.
      const before = text.slice(0, subject.start).trim();
      const after = text.slice(verbAt + m[0].trim().length).trim();
      // After a closing quotation the speaker says the quotation, however long the rest.
      const trailing =
        /[\u201d"]$/u.test(before) || (/,$/u.test(before) && after.split(/\s+/u).filter(Boolean).length <= 8);
      found.push({ who, at: subject.start, forward: !trailing, from: verbAt + m[0].trim().length });
    }
  };
  lead(LEAD);
  lead(PUT_AT);
  const out: Attribution[] = [];
  for (const m of text.matchAll(INVERTED)) {
    const who = tidy(m[1] ?? '');
    if (!who || PRONOUN.test(who) || !/\p{L}{2}/u.test(who)) continue;
    found.push({ who, at: m.index ?? 0, forward: false, from: m.index ?? 0 });
  }
  for (const m of text.matchAll(ACCORDING)) {
    const who = tidy(m[1] ?? '');
    if (!who) continue;
    // "According to X, …" opening the sentence governs what follows; anywhere else, what precedes.
    const at = m.index ?? 0;
    found.push({ who, at, forward: text.slice(0, at).trim() === '', from: at + m[0].length });
  }
  found.sort((a, b) => a.at - b.at);
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    if (out.some((o) => o.who === f.who)) continue;
    // A speaker after an attribution that already runs to the end governs nothing.
    if (!f.forward && (out[out.length - 1]?.end ?? 0) >= text.length) continue;
    if (f.forward) {
      // Forward to the next attribution that starts a clause of its own, or the end.
      const next = found.slice(k + 1).find((g) => g.forward && g.at > f.from);
      out.push({ who: f.who, start: f.at, end: next ? next.at : text.length });
    } else {
      const prev = out[out.length - 1];
      out.push({ who: f.who, start: prev ? prev.end : 0, end: text.length });
    }
  }
  return out.filter((a) => a.end > a.start);
}

/** The attribution that governs most of [start, end), or null. */
export function attributionOver(list: readonly Attribution[], start: number, end: number): string | null {
  let best: string | null = null;
  let most = 0;
  for (const a of list) {
    const overlap = Math.min(end, a.end) - Math.max(start, a.start);
    if (overlap > most) {
      most = overlap;
      best = a.who;
    }
  }
  return best;
}
