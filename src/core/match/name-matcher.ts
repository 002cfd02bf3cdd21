/**
 * Names on a page in one pass: a trie over spelling keys (core/entities/name-key), walked
 * once per token position, longest match first. Keys fold transliteration variants, so "Mohammed",
 * "Karimmi" and "al-Hakeem" meet the index's "Yusuf", "Karimi" and "al-Hakim"; case is checked on the
 * page's own text, so "air fares" or "rice" never become people.
 *
 * Cost: the trie walk is bounded by the longest pattern (≤ 12 keys), and a key is computed only for
 * tokens that could be part of a name, so the pass is flat in the number of patterns (PERF-NOTES).
 */

import { STOPWORDS } from '../compare/grams.ts';
import { isParticle, isTitle, stripPossessive, tokenKey } from '../entities/name-key.ts';
import type { NamePattern } from '../index/schema.ts';
import { foldText } from '../text/normalize.ts';
import { type Token, tokenize } from '../text/tokens.ts';

/** A name pattern as this matcher reads it (the optional fields are part of the index contract). */
export type PagePattern = NamePattern;

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The entity a pattern ending here names; `single`: a one-key pattern may match alone. */
  end?: { entity: string; single: boolean; lower: Set<number>; caps: Set<number>; spellings: Set<string> };
}

/** A compiled name matcher. */
export interface NameMatcher {
  root: TrieNode;
}

/** One name found on the page: `[start, end)` in the text given, title and "'s" excluded. */
export interface NameMatch {
  start: number;
  end: number;
  entity: string;
}

/** Builds the trie; the first pattern for a key sequence wins (buildMatcherData orders by salience). */
export function buildNameMatcher(patterns: readonly PagePattern[]): NameMatcher {
  const root: TrieNode = { next: new Map() };
  for (const p of patterns) {
    if (!p.keys.length) continue;
    let node = root;
    for (const key of p.keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    if (!node.end)
      node.end = {
        entity: p.entity,
        single: p.single === true,
        lower: new Set(p.lower),
        caps: new Set(p.caps),
        spellings: new Set(p.spellings),
      };
    // Two spellings of the same keys ("EU Trade Council", "EU trade council"): either case fits.
    else if (node.end.entity === p.entity) {
      for (const k of p.lower ?? []) node.end.lower.add(k);
      for (const w of p.spellings ?? []) node.end.spellings.add(w);
      // An acronym position stays strict only if every spelling writes it as one.
      for (const k of node.end.caps) if (!p.caps?.includes(k)) node.end.caps.delete(k);
    }
  }
  return { root };
}

const UPPER = /^[\p{Lu}\p{Lt}\p{N}]/u;

/** True when the token's first letter is a capital (or it starts with a digit). */
function capitalised(token: string): boolean {
  const c = token.charCodeAt(0);
  // ASCII fast path: this runs on every word of every page.
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return UPPER.test(token);
}

/** A standalone name particle ("al", "Al", "bin", "de"), but never an English word ("as", "at", "an"). */
function particle(token: string): boolean {
  // Particles are short ("al", "bin", "della"): longer words need no lookup.
  if (token.length > 5) return false;
  return isParticle(token) && !STOPWORDS.has(token.toLowerCase());
}

/** "al-Hakim", "el-Sisi": a short lower-case article attached to a capitalised word. */
function attachedArticle(token: string): boolean {
  const dash = token.indexOf('-');
  return dash >= 1 && dash <= 3 && /^\p{Ll}{1,3}-\p{Lu}/u.test(token);
}

/** tokenKey per word, cached across calls (the same names recur on every page and in every block). */
const keyCache = new Map<string, string>();
function cachedKey(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    if (keyCache.size > 50000) keyCache.clear();
    k = tokenKey(word);
    keyCache.set(word, k);
  }
  return k;
}

/** Only white space (or nothing) between two tokens: they belong to one name. */
function joined(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 160 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * A capitalised word just before a bare surname is someone else's first name ("Omar al-Hakim",
 * "Samir Karimi"): the match is refused. Titles, function words ("When Hakim…") and possessives
 * ("Norway's Hakim") are not first names.
 */
function precededByOtherName(text: string, tokens: Token[], first: number): boolean {
  let i = first - 1;
  const anchor = tokens[first] as Token;
  let prev = tokens[i];
  let cur = anchor;
  while (prev && particle(prev.text) && joined(text, prev, cur)) {
    cur = prev;
    prev = tokens[--i];
  }
  if (!prev || !joined(text, prev, cur)) return false;
  const word = prev.text;
  if (!capitalised(word) || /\d/.test(word.charAt(0))) return false;
  if (stripPossessive(word) !== word) return false;
  if (isTitle(word) || STOPWORDS.has(word.toLowerCase())) return false;
  return true;
}

const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * A capitalised word just after the match continues a longer name the corpus lacks ("Los Angeles" in
 * "The Los Angeles Times", "Bergen" in "Bergen University"): the match is refused. Titles,
 * function words, days and months, acronyms, known names and a possessive ending the match do
 * not continue a name.
 */
function followedByOtherName(matcher: NameMatcher, text: string, tokens: Token[], last: number): boolean {
  const lastToken = tokens[last] as Token;
  const next = tokens[last + 1];
  if (!next || !joined(text, lastToken, next)) return false;
  if (stripPossessive(lastToken.text) !== lastToken.text) return false;
  const word = next.text;
  if (!capitalised(word) || /\d/.test(word.charAt(0))) return false;
  if (isTitle(word) || STOPWORDS.has(word.toLowerCase()) || CALENDAR_WORD.test(word)) return false;
  // An acronym after a name is a medium or a unit ("Euronews TV"), and a known name starts anew
  // ("ambassador to Norway Ingrid Dahl").
  if (/^\p{Lu}{2,}$/u.test(word) || matcher.root.next.has(cachedKey(word))) return false;
  return true;
}

/** Every word of five letters or more capitalised: a headline in title case, where capitals join no names. */
function titleCase(tokens: Token[]): boolean {
  let words = 0;
  for (const t of tokens) {
    if (t.text.length < 5 || !/^\p{L}/u.test(t.text)) continue;
    if (!capitalised(t.text)) return false;
    words++;
  }
  return words >= 2;
}

/**
 * Finds every known name in `text`, leftmost-longest, without overlaps. Pass a pre-tokenized
 * `tokens` array to share tokenization with other passes.
 */
export function matchNames(
  matcher: NameMatcher,
  text: string,
  tokens: Token[] = tokenize(text),
): NameMatch[] {
  const out: NameMatch[] = [];
  let headline: boolean | undefined;
  // Token index → its key: a name walk reads the words after its start again from the next start.
  const keys: (string | undefined)[] = [];
  const keyAt = (i: number): string => {
    let k = keys[i];
    if (k === undefined) {
      k = cachedKey((tokens[i] as Token).text);
      keys[i] = k;
    }
    return k;
  };
  for (let i = 0; i < tokens.length; i++) {
    const startToken = tokens[i] as Token;
    // A name starts with a capital, or with an article attached to one ("al-Hakim"). A lower-case
    // standalone particle ("la Norvège", "de Gaulle") is not part of the mark. One cheap test
    // first: most words of a page are lower case and stop here.
    if (!capitalised(startToken.text) && !attachedArticle(startToken.text)) continue;
    let node = matcher.root;
    let best: { last: number; end: NonNullable<TrieNode['end']>; keysUsed: number } | null = null;
    let j = i;
    let used = 0;
    let prev: Token | null = null;
    while (j < tokens.length) {
      const tok = tokens[j] as Token;
      if (prev && !joined(text, prev, tok)) break;
      // Standalone particles inside or before a name ("Yusuf al Hakim", "Al Arabiya") carry no key.
      if (particle(tok.text) && j + 1 < tokens.length) {
        prev = tok;
        j++;
        continue;
      }
      const child = node.next.get(keyAt(j));
      if (!child) break;
      node = child;
      used++;
      if (node.end) best = { last: j, end: node.end, keysUsed: used };
      prev = tok;
      j++;
    }
    if (!best) continue;
    if (!caseFits(tokens, i, best.last, best.end)) continue;
    if (!best.end.single && best.keysUsed === 1) continue;
    if (best.keysUsed === 1 && precededByOtherName(text, tokens, i)) continue;
    if (followedByOtherName(matcher, text, tokens, best.last)) {
      headline ??= titleCase(tokens);
      if (!headline) continue;
    }
    // A bare word meets a name only through a spelling close to the corpus's own: the vowel
    // skeleton alone lets "Sarah" meet "Serra" and "Reuse" meet "Rose".
    if (best.keysUsed === 1 && !closeSpelling(tokens[best.last] as Token, best.end.spellings)) continue;
    const lastToken = tokens[best.last] as Token;
    const end = lastToken.start + stripPossessive(lastToken.text).length;
    out.push({ start: startToken.start, end, entity: best.end.entity });
    i = best.last;
  }
  return out;
}

/** The folded, lower-case form of a name word: possessive and attached article dropped. */
export function spellingOf(word: string): string {
  return foldText(stripPossessive(word))
    .toLowerCase()
    .replace(/^(?:al|el|ul|il|ad|ar|as|at|az|ash|an|ez|es|ed|er|en|et|bin|ibn|ben)-(?=\p{L}{2})/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Within one edit (insert, delete, substitute, or swap of neighbours) of one of `spellings`. */
function closeSpelling(token: Token, spellings: Set<string>): boolean {
  if (spellings.size === 0) return true;
  const w = spellingOf(token.text);
  if (spellings.has(w)) return true;
  for (const s of spellings) if (withinOneEdit(w, s)) return true;
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a.length < 4 || b.length < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Every key token of the match is capitalised, except where the corpus itself writes it in lower case. */
function caseFits(
  tokens: Token[],
  first: number,
  last: number,
  end: { lower: Set<number>; caps: Set<number> },
): boolean {
  const lower = end.lower;
  let k = 0;
  for (let j = first; j <= last; j++) {
    const t = (tokens[j] as Token).text;
    if (particle(t) && j < last) continue;
    const bare = t.replace(/^\p{Ll}{1,3}-(?=\p{Lu})/u, '');
    if (!capitalised(bare) && !lower.has(k)) return false;
    if (end.caps.has(k) && !/^(?:\p{Lu}\.?)+$/u.test(bare.replace(/['\u2019]s$/u, ''))) return false;
    k++;
  }
  return true;
}
