/**
 * Sentence boundaries and part-of-speech tags with character offsets, read from a wink-nlp
 * instance (NLP-NOTES 4.2: the best splitter on the seeds). The instance is handed in by the shell
 * that loads the library and its model (the Node indexer, the extension's indexer worker), so the
 * core stays free of it; the type below is the part of wink's API this reads.
 */

interface WinkItem {
  out: (f?: unknown) => unknown;
}

/** The part of a wink-nlp instance the analysis uses. */
export interface Wink {
  its: { precedingSpaces: unknown; pos: unknown; span: unknown };
  readDoc(text: string): {
    tokens(): { each(f: (t: WinkItem) => void): void };
    sentences(): { each(f: (s: WinkItem) => void): void };
  };
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
export function analyseWith(w: Wink, text: string): Analysed {
  const its = w.its;
  const doc = w.readDoc(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const proper = new Set<number>();
  const tags = new Map<number, string>();
  let at = 0;
  doc.tokens().each((t: WinkItem) => {
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
  doc.sentences().each((s: WinkItem) => {
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
