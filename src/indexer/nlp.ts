/**
 * wink-nlp with its lite English model: sentence boundaries and part-of-speech tags, with
 * character offsets (NLP-NOTES 4.2: best splitter on the seeds). One instance per process, and
 * no custom entities: NLP-NOTES 7, learning patterns in a later instance throws.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

let nlp: ReturnType<typeof winkNLP> | null = null;

function instance() {
  nlp ??= winkNLP(model);
  return nlp;
}

export interface Analysed {
  sentences: { start: number; end: number }[];
  /** Offsets of tokens tagged PROPN. */
  proper: Set<number>;
  /** Universal part-of-speech tag of the token at each offset. */
  tags: Map<number, string>;
}

/** Abbreviations that end a wink sentence wrongly when a capital follows ("Mr. X", "E.U. Y"). */
const ABBREV =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|St|No|Sen|Rep|Gov|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc)\.|\b(?:\p{Lu}\.){2,})$/u;

/** Splits one paragraph into sentences and finds proper-noun tokens. */
export function analyse(text: string): Analysed {
  const w = instance();
  const its = w.its;
  const doc = w.readDoc(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const proper = new Set<number>();
  const tags = new Map<number, string>();
  let at = 0;
  doc.tokens().each((t: { out: (f?: unknown) => unknown }) => {
    at += (t.out(its.precedingSpaces) as string).length;
    starts.push(at);
    const value = t.out() as string;
    const pos = t.out(its.pos) as string;
    tags.set(at, pos);
    if (pos === 'PROPN') proper.add(at);
    at += value.length;
    ends.push(at);
  });
  const raw: { start: number; end: number }[] = [];
  doc.sentences().each((s: { out: (f?: unknown) => unknown }) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    raw.push({ start: starts[a] ?? 0, end: ends[b] ?? text.length });
  });
  // Re-join splits after an abbreviation or inside a spaced ellipsis continuing in lower case.
  const merged: { start: number; end: number }[] = [];
  for (const s of raw) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      (ABBREV.test(text.slice(prev.start, prev.end).trimEnd()) || /^\p{Ll}/u.test(text.slice(s.start)))
    ) {
      prev.end = s.end;
      continue;
    }
    merged.push({ ...s });
  }
  return { sentences: merged, proper, tags };
}
