/**
 * Links a sentence to a fact through the whole fact, not one member: the fact's members together
 * say what each says only in part (one names the general, one says when he fled, one that he was
 * the president's friend), so a page sentence that puts those parts together ("<general>, a former
 * friend of <president>, fled last week") shares too little with any one member to link, though
 * every word of it is the fact's. Anchored on a person the sentence names outside quotations, or
 * on the name it opens with, it links their fact whose members' words cover most of what the
 * sentence says.
 */
import type { ConceptIndex, ConceptSig } from './concepts.ts';
import { DATE_WORDS } from './lexical-links.ts';

export interface WholeFacts {
  /** Fact index → the union of its members' concepts. */
  concepts: Set<string>[];
}

/** Share of the page sentence's plain-word weight the fact's words must hold. */
export const WHOLE_COVERAGE = 0.6;
/** Plain words the sentence and the fact must share. */
const MIN_WORDS = 3;
/** Of the best fact's coverage, what a second fact of the same person must reach to link too. */
const SECOND = 0.95;

export function buildWholeFacts(index: ConceptIndex): WholeFacts {
  const concepts: Set<string>[] = [];
  for (const sig of index.sigs) {
    if (sig.fact < 0) continue;
    const set = concepts[sig.fact] ?? new Set<string>();
    concepts[sig.fact] = set;
    for (const k of sig.concepts) set.add(k);
  }
  return { concepts };
}

/** Facts of the sentence's speakers whose members' words cover what the sentence says, best first. */
export function wholeFactLinks(
  index: ConceptIndex,
  whole: WholeFacts,
  page: ReadonlySet<string>,
  speakers: ReadonlySet<string>,
  opener: string | null = null,
): number[] {
  // Candidates come through the page words' postings (each bounded, however big the corpus), and
  // must name one of the speakers, or what the sentence opens with naming, its subject: a country
  // or body acts as a person does ("<country> circulated a draft resolution …").
  const speaking = [...speakers].filter((k) => page.has(k) && (index.isPerson(k) || k === opener));
  if (speaking.length === 0) return [];
  const candidates = new Set<number>();
  for (const k of page) {
    if (/^[#%=]/.test(k)) continue;
    for (const i of index.postings.get(k) ?? []) {
      const f = (index.sigs[i] as ConceptSig).fact;
      if (f >= 0 && !candidates.has(f) && speaking.some((p) => whole.concepts[f]?.has(p))) candidates.add(f);
    }
  }
  if (candidates.size === 0) return [];
  // What the sentence says happened: its plain words, less the words of its date.
  const said = [...page].filter((k) => !/^[#%=]/.test(k) && !DATE_WORDS.has(k));
  let says = 0;
  for (const k of said) says += index.idf.get(k) ?? index.rarest;
  if (says === 0) return [];
  const scored: [number, number][] = [];
  for (const f of candidates) {
    const set = whole.concepts[f] as Set<string>;
    let shared = 0;
    let words = 0;
    for (const k of said) {
      if (!set.has(k)) continue;
      shared += index.idf.get(k) ?? 0;
      words++;
    }
    const coverage = shared / says;
    if (words >= MIN_WORDS && coverage >= WHOLE_COVERAGE) scored.push([f, coverage]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = scored[0]?.[1] ?? 0;
  return scored
    .filter(([, c]) => c >= top * SECOND)
    .slice(0, 2)
    .map(([f]) => f);
}
