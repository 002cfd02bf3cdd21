/**
 * Builds the `matcher` section of the index: what the page matcher needs, precomputed at build
 * time by the same core functions the page runs (CONVENTIONS.md 2). The indexer calls this last,
 * once entities and facts are final.
 *
 * - names: one pattern per distinct spelling (token keys, titles and particles dropped), ordered
 *   by entity salience so the better-known entity wins a shared spelling; `single` only where
 *   the corpus itself uses the one-word form ("Haddad", "Mr Karimi"): a bare surname is never
 *   invented; `lower` marks the words the corpus writes in lower case ("Labour party").
 * - claims: one signature per fact member: the 4-grams and content words of the span that
 *   states the fact, and its slots.
 */
import { wordMoods } from '../claims/mood.ts';
import { slotKey } from '../claims/slots.ts';
import { charGrams, contentWords, STOPWORDS } from '../compare/grams.ts';
import { demonymsOf } from '../entities/adjectival.ts';
import { isParticle, isTitle, stripPossessive, tokenKey } from '../entities/name-key.ts';
import type { ClaimSignature, CorpusIndex, MatcherData } from '../index/schema.ts';
import { tokenize } from '../text/tokens.ts';
import { buildNameMatcher, matchNames, type PagePattern, spellingOf } from './name-matcher.ts';

const MAX_KEYS = 12;

/** Keys of one spelling, as the page matcher walks them (see name-matcher.ts). */
export function aliasPattern(entity: string, alias: string): PagePattern | null {
  const tokens = tokenize(alias).map((t) => t.text);
  let i = 0;
  while (i < tokens.length - 1 && isTitle(tokens[i] as string)) i++;
  const keys: string[] = [];
  const lower: number[] = [];
  const caps: number[] = [];
  let bareWord = '';
  for (; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (isParticle(t) && !STOPWORDS.has(t.toLowerCase()) && i < tokens.length - 1) continue;
    const key = tokenKey(t);
    if (!key) continue;
    const bare = stripPossessive(t).replace(/^\p{Ll}{1,3}-(?=\p{Lu})/u, '');
    if (!/^[\p{Lu}\p{Lt}\p{N}]/u.test(bare)) lower.push(keys.length);
    if (/^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,5}$/u.test(stripPossessive(t))) caps.push(keys.length);
    bareWord = t;
    keys.push(key);
  }
  if (keys.length === 0 || keys.length > MAX_KEYS) return null;
  // An all-lower-case single word ("fares") would match any common word: never a pattern.
  if (keys.length === lower.length && keys.length === 1) return null;
  const pattern: PagePattern = { entity, keys };
  if (keys.length === 1) {
    pattern.single = true;
    pattern.spellings = [spellingOf(bareWord)];
  }
  if (lower.length) pattern.lower = lower;
  if (caps.length) pattern.caps = caps;
  return pattern;
}

/**
 * Builds the page matcher's data from a finished index. `paraphrases` (core/lexicon) is stored as
 * it is: the page reads its words through it.
 */
/** A span that opens with a verb, not with its subject. */
const PREDICATE_OPENING = /^(?:has|have|had|having|is|was|were|are|been|being)\s/u;

export function buildMatcherData(
  index: Omit<CorpusIndex, 'matcher'>,
  paraphrases: Record<string, string> = {},
): MatcherData {
  const names: PagePattern[] = [];
  const seen = new Map<string, PagePattern>();
  const entities = [...index.entities].sort((a, b) => (b.mentions ?? 0) - (a.mentions ?? 0));
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const p = aliasPattern(entity.id, alias.text);
      if (!p) continue;
      const id = `${p.entity}|${p.keys.join(' ')}|${p.lower?.join(',') ?? ''}|${p.caps?.join(',') ?? ''}`;
      const same = seen.get(id);
      if (same) {
        for (const w of p.spellings ?? []) if (!same.spellings?.includes(w)) same.spellings?.push(w);
        continue;
      }
      seen.set(id, p);
      names.push(p);
    }
  }
  // The entities each member span names, found as the page will find them.
  const nameMatcher = buildNameMatcher(names);
  const claims: ClaimSignature[] = [];
  const channels: Record<string, string> = {};
  const people = index.entities.filter((e) => e.type === 'person').map((e) => e.id);
  for (const fact of index.facts) {
    for (const m of fact.members) {
      const span = m.text.slice(m.span?.start ?? 0, m.span?.end ?? m.text.length) || m.text;
      const found = matchNames(nameMatcher, span, tokenize(span));
      // A name inside a channel slot ("a statement to <name>") is a channel wherever a page names it.
      const at = m.span?.start ?? 0;
      for (const v of m.values ?? [])
        if (v.kind === 'channel')
          for (const n of found)
            if (n.start + at >= v.start && n.end + at <= v.end) channels[n.entity] ??= v.value;
      // A span that opens with its predicate ("has made no public comment", "having submitted its
      // own draft") is about the sentence's subject, named before it: the last name before it.
      const subject =
        at > 0 && PREDICATE_OPENING.test(span)
          ? matchNames(nameMatcher, m.text.slice(0, at), tokenize(m.text.slice(0, at))).at(-1)
          : undefined;
      const entities = [
        ...new Set([...found.map((n) => n.entity), ...(subject ? [subject.entity] : [])]),
      ].sort();
      const nameWords = [...new Set(found.flatMap((n) => contentWords(span.slice(n.start, n.end))))].sort();
      const moods = wordMoods(span);
      claims.push({
        fact: fact.id,
        source: m.source,
        grams: charGrams(span),
        slots: (m.values ?? [])
          .filter((v) => v.start >= (m.span?.start ?? 0) - 40 && v.end <= (m.span?.end ?? m.text.length) + 40)
          .map((v) => ({ kind: v.kind, key: slotKey(v), value: v.value })),
        words: contentWords(span),
        ...(entities.length ? { entities, nameWords } : {}),
        ...(moods.asked.length ? { asked: moods.asked } : {}),
        ...(moods.done.length ? { done: moods.done } : {}),
      });
    }
  }
  // A demonym is read as its place on both sides: "the Kenyan ambassador" names Kenya as
  // "Kenya's ambassador" does.
  const concepts: Record<string, string> = { ...paraphrases };
  for (const e of index.entities) {
    if (e.type !== 'place') continue;
    for (const form of demonymsOf(e.name)) {
      const [s] = contentWords(form);
      if (s) concepts[s] = `#${e.id}`;
    }
  }
  return {
    names,
    claims,
    ...(Object.keys(concepts).length ? { paraphrases: concepts } : {}),
    ...(Object.keys(channels).length ? { channels } : {}),
    ...(people.length ? { people } : {}),
  };
}
