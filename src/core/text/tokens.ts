/**
 * Word tokens with offsets into the input. Words keep internal hyphens and apostrophes
 * ("al-Rashid", "Dupont's", "Smith-Jones", "don't"), dotted acronyms ("E.U.") and grouped numbers
 * ("13,000", "4.5"), so names and quantities come out whole.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?:\p{Lu}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[-\u2010\u2011][\p{L}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:['\u2019\u02bc\-\u2010\u2011][\p{L}\p{M}\p{N}]+)*(?:['\u2019](?=\s|$|[^\p{L}]))?/gu;

/** Splits text into word tokens; `text.slice(t.start, t.end) === t.text` for every token. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}
