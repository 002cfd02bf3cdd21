/**
 * Word tokens with offsets into the input. Words keep internal hyphens and apostrophes
 * ("al-Rashid", "Dupont's", "Smith-Jones", "don't"), dotted acronyms ("E.U.") and grouped numbers
 * ("13,000", "4.5"), so names and quantities come out whole.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** The definition: `tokenize` gives exactly its matches. */
export const TOKEN =
  /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:['\u2019\u02bc\-\u2010\u2011][\p{L}\p{M}\p{N}]+)*(?:['\u2019](?=\s|$|[^\p{L}]))?/gu;

/** TOKEN's matches, found by the regex engine: the path for text with astral characters. */
export function tokenizeWithRegex(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

// What TOKEN asks of one UTF-16 unit, as bits.
/** [\p{L}\p{M}\p{N}]: a word unit. */
const WORD = 1;
/** [\p{L}\p{N}]: may follow a number's hyphen. */
const LETTER_OR_NUMBER = 2;
const LETTER = 4;
const UPPER = 8;
/** \d, which stays ASCII under the u flag. */
const DIGIT = 16;
const HYPHEN = 32;
/** ' and ’: joins words and may end one. */
const APOSTROPHE = 64;
/** Joins two runs of word units (hyphens, apostrophes, ʼ). */
const JOINER = 128;
/** Half of a code point the regex reads as one character: such text takes the regex path. */
const SURROGATE = 256;
const UNKNOWN = 0xffff;

const units = new Uint16Array(0x10000).fill(UNKNOWN);

function learn(u: number): number {
  const c = String.fromCharCode(u);
  let v = 0;
  if (u >= 0xd800 && u <= 0xdfff) v = SURROGATE;
  else {
    if (/[\p{L}\p{M}\p{N}]/u.test(c)) v |= WORD;
    if (/[\p{L}\p{N}]/u.test(c)) v |= LETTER_OR_NUMBER;
    if (/\p{L}/u.test(c)) v |= LETTER;
    if (/\p{Lu}/u.test(c)) v |= UPPER;
    if (u >= 48 && u <= 57) v |= DIGIT;
    if (u === 0x2d || u === 0x2010 || u === 0x2011) v |= HYPHEN | JOINER;
    if (u === 0x27 || u === 0x2019) v |= APOSTROPHE | JOINER;
    if (u === 0x2bc) v |= JOINER;
  }
  units[u] = v;
  return v;
}

/** The bits of the unit at `i`, 0 past the end. */
function bitsAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const u = text.charCodeAt(i);
  const v = units[u] as number;
  return v === UNKNOWN ? learn(u) : v;
}

/** End of a run of units that all have `bit`, from `i`. */
function runEnd(text: string, i: number, bit: number): number {
  let q = i;
  while (bitsAt(text, q) & bit) q++;
  return q;
}

/** After `\d+` ending at `q`: an optional `\.\d+`. */
function decimals(text: string, q: number): number {
  return text.charCodeAt(q) === 46 && bitsAt(text, q + 1) & DIGIT ? runEnd(text, q + 1, DIGIT) : q;
}

/** End of TOKEN's match at `p` (a word unit), trying its alternatives in order as the regex does. */
function tokenEnd(text: string, p: number, bits: number): number {
  if (bits & UPPER) {
    // (?:\p{Lu}\.){2,}
    let q = p;
    while (bitsAt(text, q) & UPPER && text.charCodeAt(q + 1) === 46) q += 2;
    if (q - p >= 4) return q;
  }
  if (bits & DIGIT) {
    const digits = runEnd(text, p, DIGIT);
    // \d{1,3}(?:,\d{3})+(?:\.\d+)? — a longer run of digits can never reach the comma.
    if (digits - p <= 3) {
      let q = digits;
      while (
        text.charCodeAt(q) === 44 &&
        bitsAt(text, q + 1) & DIGIT &&
        bitsAt(text, q + 2) & DIGIT &&
        bitsAt(text, q + 3) & DIGIT
      )
        q += 4;
      if (q > digits) return decimals(text, q);
    }
    // \d+(?:\.\d+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*
    let q = decimals(text, digits);
    while (bitsAt(text, q) & HYPHEN && bitsAt(text, q + 1) & LETTER_OR_NUMBER)
      q = runEnd(text, q + 1, LETTER_OR_NUMBER);
    return q;
  }
  // [\p{L}\p{M}\p{N}]+(?:['\u2019\u02bc\-\u2010\u2011][\p{L}\p{M}\p{N}]+)*(?:['\u2019](?=\s|$|[^\p{L}]))?
  let q = runEnd(text, p, WORD);
  while (bitsAt(text, q) & JOINER && bitsAt(text, q + 1) & WORD) q = runEnd(text, q + 1, WORD);
  if (bitsAt(text, q) & APOSTROPHE && !(bitsAt(text, q + 1) & LETTER)) q++;
  return q;
}

/**
 * Splits text into word tokens; `text.slice(t.start, t.end) === t.text` for every token. Scans
 * units against a table instead of running TOKEN: this runs on every word of every page, where
 * the regex engine and its match objects took twice as long.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let p = 0;
  while (p < text.length) {
    const bits = bitsAt(text, p);
    if (bits & SURROGATE) return tokenizeWithRegex(text);
    if (!(bits & WORD)) {
      p++;
      continue;
    }
    const end = tokenEnd(text, p, bits);
    out.push({ text: text.slice(p, end), start: p, end });
    p = end;
  }
  return out;
}
