/**
 * Lexical signatures for sentence similarity. NLP-NOTES 5: character 4-gram Jaccard was the best
 * lexical signal for aligning reports across outlets. Hashes are 32-bit FNV-1a computed with
 * Math.imul, so the build (Node) and the page (browser) hash alike.
 */
import { IRREGULAR_VERBS, TITLE_ABBREVIATIONS } from '../lexicon/word-forms.ts';
import { foldChar, foldText } from '../text/normalize.ts';
import { tokenize } from '../text/tokens.ts';

/** 32-bit FNV-1a of a string's UTF-16 units, as an unsigned integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Folded, lower-cased, punctuation-light text with single spaces: what grams are taken over. */
export function gramText(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const NON_ASCII = /[^ -~\t\n\r]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The 4-gram hashes of one text in window order, repeats included: `buf[0 .. count)`. */
export interface GramWindows {
  buf: Uint32Array;
  count: number;
}

/** Reused across calls: the hashes of one text before sorting (charGrams returns a fresh array). */
const scratch: GramWindows = { buf: new Uint32Array(1024), count: 0 };

const WORD_UNIT = /^[\p{L}\p{N}]$/u;
/** Non-ASCII unit → (its folded lower-case unit << 1) | is-a-word-character, or -1 (no one-unit answer). */
const unitMap = new Map<number, number>();

function mapUnit(code: number): number {
  let v = unitMap.get(code);
  if (v === undefined) {
    const lower = foldChar(String.fromCharCode(code)).toLowerCase();
    // Surrogates (a letter may need both halves), Σ (its lower case depends on the next letter)
    // and units whose lower case is longer (İ) have no context-free answer: such text takes the
    // string path.
    const plain = !(code >= 0xd800 && code <= 0xdfff) && code !== 0x3a3 && lower.length === 1;
    v = plain ? (lower.charCodeAt(0) << 1) | (WORD_UNIT.test(lower) ? 1 : 0) : -1;
    if (unitMap.size < 8192) unitMap.set(code, v);
  }
  return v;
}

/**
 * Hashes the 4-unit windows of `gramText(text)` into `scratch.buf` in one pass over the text,
 * without building the folded string: fold, lower-case, collapse non-word runs to one space and
 * trim, all per unit. Returns the number of windows, or -1 when the text needs the string path
 * (a unit without a context-free fold, or under four units of gram text).
 */
function hashWindows(text: string): number {
  if (scratch.buf.length < text.length) scratch.buf = new Uint32Array(text.length * 2);
  const buf = scratch.buf;
  let count = 0;
  let emitted = 0;
  let pendingSpace = false;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    let u = text.charCodeAt(i);
    let word: boolean;
    if (u < 0x80) {
      if (u >= 65 && u <= 90) u += 32;
      word = (u >= 97 && u <= 122) || (u >= 48 && u <= 57);
    } else {
      const m = mapUnit(u);
      if (m < 0) return -1;
      u = m >> 1;
      word = (m & 1) === 1;
    }
    if (!word) {
      if (emitted > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      if (++emitted >= 4) buf[count++] = hash4(a, b, c, 32);
      a = b;
      b = c;
      c = 32;
    }
    if (++emitted >= 4) buf[count++] = hash4(a, b, c, u);
    a = b;
    b = c;
    c = u;
  }
  return emitted >= 4 ? count : -1;
}

function hash4(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(0x811c9dc5 ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  return Math.imul(h ^ d, 0x01000193) >>> 0;
}

/** The string path: fold only non-ASCII units, then lower-case and collapse with regexes. */
function hashWindowsOfString(text: string): number {
  const t = text.replace(NON_ASCII, foldChar).toLowerCase().replace(NOT_WORD, ' ').trim();
  if (t.length === 0) return 0;
  const s = t.length < 4 ? t.padEnd(4, ' ') : t;
  const count = s.length - 3;
  if (scratch.buf.length < count) scratch.buf = new Uint32Array(count * 2);
  for (let i = 0; i < count; i++)
    scratch.buf[i] = hash4(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2), s.charCodeAt(i + 3));
  return count;
}

/**
 * Sorted, unique FNV-1a hashes of the character 4-grams of `gramText(text)`. Used by the indexer
 * and the page matcher alike, so both sides hash the same text to the same numbers. The page
 * matcher hashes every sentence of every page with this (5 M grams on a 5 MB page), hence the
 * one-pass path; the string path is the definition, kept for the text it cannot do.
 */
export function charGrams(text: string): number[] {
  const { buf, count } = gramWindows(text);
  const sorted = buf.subarray(0, count).sort();
  const out: number[] = [];
  let last = -1;
  for (let i = 0; i < count; i++) {
    const v = sorted[i] as number;
    if (v !== last) out.push(v);
    last = v;
  }
  return out;
}

/**
 * The hashes charGrams sorts and dedupes, unsorted and with repeats, in a buffer the next call
 * overwrites. The page matcher rejects most sentences from these alone: sorting them and copying
 * them to an array cost more than the lookups that decide.
 */
export function gramWindows(text: string): GramWindows {
  let count = hashWindows(text);
  if (count < 0) count = hashWindowsOfString(text);
  scratch.count = count;
  return scratch;
}

/** Jaccard similarity of two sorted, unique number arrays (0 when both are empty). */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const inter = overlap(a, b);
  return inter / (a.length + b.length - inter);
}

/** Size of the intersection of two sorted, unique arrays (numbers or strings). */
export function overlap<T extends number | string>(a: readonly T[], b: readonly T[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** English function words: they carry no claim. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for from with without into onto over under about above ' +
    'below after before since until while during through between among against as than then that this these ' +
    'those there here it its it’s he she they we you i me him her them us my his hers their our your who whom ' +
    'whose which what when where why how all any both each few more most other some such no not only own same ' +
    'too very can will just should would could may might must shall do does did done doing is are was were be ' +
    'been being have has had having also said says say told tell according mr mrs ms dr if because whether ' +
    'one s t up out off again further once am per via upon within'
  ).split(' '),
);

/**
 * British spellings read as American ones, so "defence" meets "defense" and "organised" meets
 * "organized": one outlet's house style must not hide the same word.
 */
function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/(?<=[^aeiou])our(s?)$/, 'or$1')
    .replace(/(?<=\p{L}{3})is(e|ed|es|ing|ation|ations)$/u, 'iz$1')
    .replace(/(?<=\p{L}{2})ence$/u, 'ense')
    .replace(/(?<=\p{L}{3})tre(s?)$/u, 'ter$1');
}

/** A light English suffix stemmer: plural, -ing, -ed, -ly, -ies. Enough to meet "killed"/"killing". */
export function stem(word: string): string {
  let w = IRREGULAR_VERBS.get(word) ?? TITLE_ABBREVIATIONS.get(word) ?? americanSpelling(word);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Token → its content-word stem, or '' when it is no content word. The same words recur in every
 * sentence, and the regexes below cost more than the lookup.
 */
const stems = new Map<string, string>();

function contentStem(token: string): string {
  let w = stems.get(token);
  if (w === undefined) {
    // A hyphen-attached article is not part of the word ("al-rashid" meets "rashid").
    const bare = token
      .replace(/'s$/, '')
      .replace(/'$/, '')
      .replace(/^(?:al|el|ad|ar|as|at|az|ash|ez|es|ed|er|en)-(?=\p{L}{3})/u, '');
    w = bare.length < 2 || STOPWORDS.has(bare) || /^\d/.test(bare) ? '' : stem(bare);
    if (stems.size >= 50000) stems.clear();
    stems.set(token, w);
  }
  return w;
}

/** One word's content-word stem, as contentWords reads it, or '' for a stop word. */
export function wordStem(word: string): string {
  return contentStem(foldText(word).toLowerCase());
}

/** Lower-cased stems of the non-stopwords of a text, in order of first appearance, unique. */
export function contentWords(text: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(foldText(text).toLowerCase())) {
    const w = contentStem(t.text);
    if (w) seen.add(w);
  }
  return [...seen];
}
