/**
 * A long sentence often states several facts, clause by clause ("X, a general and son of a
 * minister, fled last week, though …"): the whole sentence's words dilute each one, so each
 * clause, and each stretch between commas, dashes and brackets (an apposition states a claim of
 * its own), is read on its own too, with the sentence's names (who a clause is about is often
 * named once). It links only where it states the member's own words (concept-links, strict).
 */
import { splitClauses } from '../claims/clauses.ts';
import { slotKey } from '../claims/slots.ts';
import { contentWords } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';
import { type ConceptIndex, conceptLinks, pageConcepts, valuesOf } from './concept-links.ts';
import type { Span } from './page-sentences.ts';

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
  for (const c of pieces) {
    const words = contentWords(sentence.slice(c.start, c.end));
    if (words.length < MIN_WORDS) continue;
    const inside = slots.filter((x) => x.start < c.end && x.end > c.start);
    // A piece that names a person is about them; one that names only places or bodies, about the
    // sentence's names; one that names nothing, about the sentence's people: a place named in
    // another piece says nothing of where this one happens.
    const own = named.filter((n) => n.start >= c.start && n.end <= c.end).map((n) => n.entity);
    const about = own.some((e) => index.isPerson(`#${e}`))
      ? own
      : own.length
        ? entities
        : [...entities].filter((e) => index.isPerson(`#${e}`));
    const page = pageConcepts(
      index,
      words,
      about,
      inside.map(slotKey),
      nameWords,
      valuesOf(inside, index.paraphrases),
    );
    const best = conceptLinks(index, page, {
      strict: true,
      valuesOnly,
    })[0];
    if (best !== undefined && !out.includes(best)) out.push(best);
    if (out.length >= MAX_FACTS) break;
  }
  return out;
}

/** Stretches between commas, semicolons, dashes and brackets (none when there is no such mark). */
function phrases(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\s*[,;()\u2013\u2014]\s*|\s+and\s+/gu)) {
    const at = m.index ?? 0;
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (out.length && start < text.length) out.push({ start, end: text.length });
  return out;
}
