/**
 * Text helpers for the corpus lookup: folding a query or a corpus string into search words, and
 * the bounded edit distance that lets a reader's spelling ("Haddadd", "Youssef") reach the
 * corpus's ("Haddad", "Yusuf") even when no outlet ever printed it.
 */

/** Combining marks left after NFD: the diacritics a reader may or may not type. */
const MARKS = /[\u0300-\u036f]/g;
/** Apostrophes and quotes inside a word ("Haddad's", "al‑Hakim") are not word breaks for the reader. */
const JOINERS = /['\u2018\u2019\u02bc`\u00b4]/g;
/** Anything that is neither a letter nor a digit separates words. */
const BREAKS = /[^\p{L}\p{N}]+/gu;

/**
 * Folds text to lowercase search words: diacritics dropped, apostrophes removed inside words,
 * hyphens and punctuation as spaces ("al-Hakim's" → ["al", "hakim", "s"] is avoided: the
 * possessive is dropped). Digits keep their group separators' meaning: "13,000" → "13000".
 */
export function searchWords(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1')
    .replace(/['\u2019]s\b/g, '')
    .replace(JOINERS, '')
    .replace(BREAKS, ' ')
    .trim();
  return folded ? folded.split(' ') : [];
}

/**
 * Edit distance between `a` and `b` counting an adjacent transposition as one edit, or
 * `max + 1` as soon as it is certain to exceed `max` (a lookup runs this per keystroke over
 * every corpus word, so it must give up early).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, prevPrev[j - 2]! + 1);
      }
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits a word of this length may carry and still count as the same word. */
export function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * How well one query word matches one corpus word: 3 exact, 2 a prefix of it (the word being
 * typed, at least `minPrefix` characters), 1 within the allowed edits (another spelling), 0 no
 * match. Digits never match fuzzily: 13,000 is not 15,000.
 */
export function wordMatch(query: string, word: string, typing: boolean, minPrefix = 2): 0 | 1 | 2 | 3 {
  if (query === word) return 3;
  if (typing && query.length >= minPrefix && word.startsWith(query)) return 2;
  if (/\d/.test(query) || /\d/.test(word)) return 0;
  const edits = allowedEdits(Math.min(query.length, word.length));
  if (edits > 0 && boundedDistance(query, word, edits) <= edits) return 1;
  // A word being typed may be a misspelt prefix: "Haddaa" of "Haddad", "Youssef Hadd".
  if (typing && query.length >= 4 && word.length > query.length) {
    const head = word.slice(0, query.length);
    if (boundedDistance(query, head, allowedEdits(query.length)) <= allowedEdits(query.length)) return 1;
  }
  return 0;
}
