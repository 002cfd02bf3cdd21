/**
 * A long sentence often states several facts, clause by clause ("X, a general and son of a
 * minister, fled last week, though …"): the whole sentence's words dilute each one, so each
 * clause, and each stretch between commas, dashes and brackets (an apposition states a claim of
 * its own), is read on its own too, with the sentence's names (who a clause is about is often
 * named once). It links only where it states the member's own words (concept-links.ts, strict).
 */
import { splitClauses } from '../claims/clauses.ts';
import { slotKey } from '../claims/slots.ts';
import { contentWords } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';
import { conceptLinks } from './concept-links.ts';
import { type ConceptIndex, pageConcepts, valuesOf } from './concepts.ts';
import type { Span } from './page-sentences.ts';
import { quotedSpans } from './quoted.ts';

/** A name found in the sentence: where (offsets in the sentence) and which entity. */
export interface NamedSpan {
  start: number;
  end: number;
  entity: string;
}

/** Facts the pieces of one sentence may add: a dense lede states three or four. */
const MAX_FACTS = 4;
/** A piece with fewer content words states nothing of its own. */
const MIN_WORDS = 3;

/** Fact indexes the sentence's pieces state, in the order of the pieces. */
export function clauseLinks(
  index: ConceptIndex,
  sentence: string,
  slots: readonly SlotValue[],
  entities: ReadonlySet<string>,
  nameWords: ReadonlySet<string>,
  valuesOnly = false,
  named: readonly NamedSpan[] = [],
): number[] {
  const pieces = [...splitClauses(sentence), ...phrases(sentence)];
  if (pieces.length < 2) return [];
  const out: number[] = [];
  const quotes = quotedSpans(sentence);
  // Pieces overlap (a comma stretch and its parts, a clause and a stretch): one reading each.
  const seen = new Set<string>();
  for (const c of pieces) {
    const span = `${c.start}:${c.end}`;
    if (seen.has(span)) continue;
    seen.add(span);
    const words = contentWords(sentence.slice(c.start, c.end));
    if (words.length < MIN_WORDS) continue;
    const inside = slots.filter((x) => x.start < c.end && x.end > c.start);
    // A piece that names a person is about them; one that names only places or bodies, about the
    // sentence's names; one that names nothing, about the sentence's people (a place named in
    // another piece says nothing of where this one happens), unless it is inside a quotation:
    // what someone says is not about who says it.
    const own = named.filter((n) => n.start >= c.start && n.end <= c.end).map((n) => n.entity);
    const about = own.some((e) => index.isPerson(`#${e}`))
      ? own
      : own.length
        ? entities
        : quotes.some(([a, b]) => c.start >= a && c.end <= b)
          ? []
          : [...entities].filter((e) => index.isPerson(`#${e}`));
    const page = pageConcepts(
      index,
      words,
      about,
      inside.map(slotKey),
      nameWords,
      valuesOf(inside, index.paraphrases),
    );
    const key = [...page].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const best = conceptLinks(index, page, {
      strict: true,
      valuesOnly,
    })[0];
    if (best !== undefined && !out.includes(best)) out.push(best);
    if (out.length >= MAX_FACTS) break;
  }
  return out;
}

/**
 * Stretches between commas, semicolons, dashes and brackets, and the parts of each between its
 * "and"s (none when the text has no such mark): "He was a friend of X and the son of Y" states
 * two things, "their aspirations to freedom and dignity" one.
 */
function phrases(text: string): Span[] {
  const out: Span[] = [];
  for (const p of between(text, /\s*[,;()\u2013\u2014]\s*/gu, { start: 0, end: text.length })) {
    out.push(p);
    const parts = between(text, /\s+and\s+/gu, p);
    if (parts.length > 1) out.push(...parts);
  }
  return out.length > 1 ? out : [];
}

/** The stretches of `span` between the marks `re` finds in it (one, the span, when it finds none). */
function between(text: string, re: RegExp, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(re)) {
    const at = span.start + (m.index ?? 0);
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}
