/**
 * Splits a sentence into clauses, so a sentence that states several facts (a news lede: "X has
 * defected …, and urged the army to …, in 14 months of fighting") can belong to each fact with
 * the span that states it (issue 3.5). Splits at generic English clause joints outside quotes.
 */

const JOINT =
  /,\s+(?=(?:who|which|where|whose|while|whereas|following|after|before|as|but|having|adding|accusing|becoming|saying|urging|calling|according|a move|and (?:urged|said|called|announced|added|also|has|had|was|is|will|would|could)|in (?:a|an|the) (?:statement|interview|video)|in protest|was|is|were|are|has|had)\b)|;\s+|\s+(?=in which (?:he|she|they|it) (?:said|says|stated|declared)\b)|:\s+(?=["\u201c])|\s+and\s+(?=(?:urged|called|announced|accused|vowed|warned|also)\b)|\s+(?=in \d+ (?:days|weeks|months|years) of\b)/g;

/** Minimum clause length in words; shorter pieces stay with their neighbour. */
const MIN_WORDS = 3;

/** Clause spans [start, end) covering the sentence, in order. */
export function splitClauses(sentence: string): { start: number; end: number }[] {
  const cuts: number[] = [];
  let inQuote = false;
  const quoteAt: boolean[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence.charAt(i);
    if (ch === '\u201c') inQuote = true;
    else if (ch === '\u201d') inQuote = false;
    else if (ch === '"') inQuote = !inQuote;
    quoteAt.push(inQuote);
  }
  for (const m of sentence.matchAll(JOINT)) {
    const at = (m.index ?? 0) + m[0].length;
    if (quoteAt[m.index ?? 0]) continue;
    cuts.push(at);
  }
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const cut of [...cuts, sentence.length]) {
    const piece = sentence.slice(start, cut);
    const words = piece.trim().split(/\s+/).filter(Boolean).length;
    if (cut !== sentence.length && words < MIN_WORDS) continue;
    if (cut === sentence.length && words < MIN_WORDS && spans.length > 0) {
      spans[spans.length - 1]!.end = cut;
      break;
    }
    spans.push({ start, end: cut });
    start = cut;
  }
  // Trim the joint's punctuation and spaces off each clause.
  return spans.map(({ start: s, end: e }) => {
    let a = s;
    let b = e;
    while (a < b && /[\s,;]/.test(sentence.charAt(a))) a++;
    while (b > a && /[\s,;]/.test(sentence.charAt(b - 1))) b--;
    return { start: a, end: b };
  });
}
