/**
 * Sentences of page text (issue 4.2): Intl.Segmenter, then merges the breaks it makes after
 * abbreviations and initials ("Mr.", "U.K.", "Gen.", "J.") so a claim is never cut in two.
 * Offsets are into the text given; leading and trailing white space is trimmed from each span.
 */

/** A sentence span `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Generic English abbreviations that end in a full stop but do not end a sentence. */
const ABBREVIATIONS = new Set([
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

let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter('en', { granularity: 'sentence' })
        : null;
  }
  return segmenter;
}

/** True when the text before `at` ends with an abbreviation or a dotted initial, so `at` is no break. */
function endsWithAbbreviation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).trimEnd();
  if (!before.endsWith('.')) return false;
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1] ?? '';
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 3 && /\p{Lu}/u.test(word))
    return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Fallback when Intl.Segmenter is missing: breaks after . ! ? (and closing quotes) before white space. */
function regexBreaks(text: string): number[] {
  const out: number[] = [];
  const re = /[.!?]+["'\u201d\u2019)\]]*\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** Splits `text` into sentence spans. */
export function splitSentences(text: string): Span[] {
  const seg = getSegmenter();
  const breaks: number[] = [];
  if (seg) {
    for (const s of seg.segment(text)) if (s.index > 0) breaks.push(s.index);
  } else breaks.push(...regexBreaks(text));
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
