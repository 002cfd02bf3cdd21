/**
 * Background adjuncts: a comma-bounded phrase that places the sentence after, before or since
 * another event ("Hours after the minister resigned, …", "…, following the vote in May, …").
 * What such a phrase names is taken as known, not claimed: the sentence reports its main clause,
 * so a page sentence is not linked to a fact it only mentions as the time of something else.
 */
import type { Span } from './page-sentences.ts';

/** At the sentence's start, or after a comma, up to the next comma: "(Hours) after …,". */
const ADJUNCT =
  /(?:^|,\s*)((?:(?:hours|days|weeks|months|minutes|moments|shortly|soon|just|only|long)\s+)?(?:after|before|since|following)\s+[^,;:"“”]{3,140}),/giu;

/** The background adjuncts of one sentence (offsets in the sentence). */
export function backgroundSpans(sentence: string): Span[] {
  const out: Span[] = [];
  for (const m of sentence.matchAll(ADJUNCT)) {
    const phrase = m[1] as string;
    const start = (m.index ?? 0) + m[0].indexOf(phrase);
    out.push({ start, end: start + phrase.length });
  }
  return out;
}

/** The sentence with its background adjuncts blanked, offsets kept. */
export function withoutBackground(sentence: string, spans: readonly Span[]): string {
  let out = sentence;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
