/**
 * Text folding for matching. Every function here keeps offsets mappable to the original text:
 * `foldText` is length-preserving (one UTF-16 unit in, one out), and `stripInvisible` returns an
 * offset map. The original text is always kept for display; only matching folds.
 */

/** Unicode white space (no-break, thin, ideographic…) and control white space. */
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\u0060\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e]/;
const DASHES = /[\u2010-\u2013\u2212\ufe63\uff0d]/;
/**
 * Em dashes and their kin set a phrase apart, often with no space ("defected—though"): a break
 * between words, never a hyphen that joins two into one.
 */
const BREAKS = /[\u2014\u2015\u2e3a\u2e3b\ufe58]/;
/** Combining marks left behind by NFD (diacritics). */
const COMBINING = /^[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+$/;

const cache = new Map<string, string>();

/**
 * Folds one UTF-16 unit to its matching form: white space → ' ', curly quotes → straight,
 * hyphens and en dashes → '-', em dashes → ' ', letters with diacritics → the base letter. Case is kept (the matcher checks case
 * on the original). Always returns exactly one unit; the ellipsis '…' stays itself.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80)
    return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c ? ' ' : ch;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch;
  if (SPACE.test(ch) || BREAKS.test(ch)) out = ' ';
  else if (SINGLE_QUOTES.test(ch)) out = "'";
  else if (DOUBLE_QUOTES.test(ch)) out = '"';
  else if (DASHES.test(ch)) out = '-';
  else if (code < 0xd800 || code > 0xdfff) {
    const nfd = ch.normalize('NFD');
    const base = nfd.charAt(0);
    if (nfd.length > 1 && base.charCodeAt(0) < 0x250 && COMBINING.test(nfd.slice(1))) out = base;
    else if (ch === 'ß') out = 's';
    else if (ch === 'ø' || ch === 'Ø') out = ch === 'ø' ? 'o' : 'O';
    else if (ch === 'ł' || ch === 'Ł') out = ch === 'ł' ? 'l' : 'L';
    else if (ch === 'đ' || ch === 'Đ') out = ch === 'đ' ? 'd' : 'D';
    else if (ch === 'ı') out = 'i';
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Units foldChar may change: all but printable ASCII (regex without `u`: one UTF-16 unit each). */
const FOLDABLE = /[^ -~]/g;

/**
 * Length-preserving fold of a whole string (see {@link foldChar}): `foldText(t).length === t.length`.
 * Not a string built unit by unit: it runs for every page word the name matcher keys. Measured
 * (Node, 5 MB page's text, alternated): 400,000 words 53 → 32 ms, 4,000 paragraphs 20–36 →
 * 9–10 ms. The replace alone made words slower (96 ms): all-ASCII text is returned as it is.
 */
export function foldText(text: string): string {
  // Most words are printable ASCII throughout: then nothing changes, and nothing is built.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return text.replace(FOLDABLE, foldChar);
  }
  return text;
}

/** Zero-width characters, word joiners, BOM and soft hyphens: invisible on screen, break matching. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;

/**
 * Removes invisible characters. `map[i]` is the offset in the original of output unit `i`, and
 * `map[text.length]` is the original length, so an output range [a, b) maps back to [map[a], map[b]).
 */
export function stripInvisible(input: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (INVISIBLE.test(ch)) continue;
    text += ch;
    map.push(i);
  }
  map.push(input.length);
  return { text, map };
}

/** Folds then lower-cases and collapses white space runs: a comparison key, not length-preserving. */
export function matchKey(text: string): string {
  return foldText(stripInvisible(text).text).toLowerCase().replace(/ +/g, ' ').trim();
}
