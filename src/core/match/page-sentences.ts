/**
 * Sentences of page text: Unicode-style sentence breaks, then merges the breaks after
 * abbreviations and initials ("Mr.", "U.K.", "Gen.", "J.") so a claim is never cut in two.
 * Offsets are into the text given; leading and trailing white space is trimmed from each span.
 */

import { TITLE_ABBREVIATIONS } from '../lexicon/word-forms.ts';

/** A sentence span `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Generic English abbreviations that end in a full stop but do not end a sentence. */
const ABBREVIATIONS = new Set([
  ...TITLE_ABBREVIATIONS.keys(),
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'st',
  'jr',
  'sr',
  'vs',
  'no',
  'nos',
  'inc',
  'corp',
  'co',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'est',
  'fig',
  'mt',
  'ft',
  'etc',
  'e.g',
  'i.e',
]);

/** True when the text before `at` ends with an abbreviation or a dotted initial, so `at` is no break. */
function endsWithAbbreviation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).trimEnd();
  if (!before.endsWith('.')) return false;
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1] ?? '';
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 3 && /\p{Lu}/u.test(word))
    return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * A sentence end: terminal punctuation, closing quotes or brackets, then white space or the end
 * (full-width CJK stops need no space).
 */
const BREAK =
  /[.?!]+["'\u201d\u2019)\]]*(?:\s+|$)|[\u3002\uff01\uff1f]+["'\u201d\u2019)\]\u300d\u300f]*\s*/gu;
const FULL_STOPS_ONLY = /^\.+["'\u201d\u2019)\]]*\s*$/;
const NEXT_LETTER = /[\p{L}.?!]/gu;
const LOWER = /\p{Ll}/u;

/**
 * Candidate breaks, by the Unicode sentence rules that matter in news text (UAX #29): after
 * . ? ! and closing punctuation and spaces; but not after a full stop whose next letter is lower
 * case ("e.g. the", "Oct. 15) and"), nor before a comma, colon or semicolon. Intl.Segmenter
 * applies the same rules but cost 60 ns a character (a quarter of the matcher's time on a 5 MB
 * page), and it also breaks at every newline, which in page text is only source formatting.
 */
function sentenceBreaks(text: string): number[] {
  const out: number[] = [];
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    const at = m.index + m[0].length;
    if (at >= text.length) break;
    const next = text.charAt(at);
    if (next === ',' || next === ';' || next === ':') continue;
    if (FULL_STOPS_ONLY.test(m[0])) {
      NEXT_LETTER.lastIndex = at;
      const letter = NEXT_LETTER.exec(text);
      if (letter && LOWER.test(letter[0])) continue;
    }
    out.push(at);
  }
  return out;
}

/** Splits `text` into sentence spans. */
export function splitSentences(text: string): Span[] {
  const breaks = sentenceBreaks(text);
  breaks.push(text.length);
  const spans: Span[] = [];
  let start = 0;
  for (const at of breaks) {
    if (
      at < text.length &&
      endsWithAbbreviation(text, at) &&
      /^\s*[\p{Lu}\p{N}]/u.test(text.slice(at, at + 3))
    ) {
      // A capital after "Mr." is the name, not a new sentence; after "U.K." it usually is the
      // name too ("U.K. Home Office"). Keep going.
      continue;
    }
    let s = start;
    let e = at;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = at;
  }
  return spans;
}
