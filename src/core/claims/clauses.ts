/**
 * Splits a sentence into clauses, so a sentence that states several facts (a news lede: "X has
 * defected …, and urged the army to …, in 14 months of fighting") can belong to each fact with
 * the span that states it. Splits at generic English clause joints outside quotes.
 */

const JOINT =
  /,\s+(?=(?:who|which|where|whose|while|whereas|following|after|before|as|but|adding|accusing|becoming|saying|urging|calling|according|a move|and (?:urged|said|called|announced|added|also|has|had|was|is|will|would|could)|in (?:a|an|the) (?:statement|interview|video)|in protest|was|is|were|are|has|had)\b)|;\s+|\s+(?=in which (?:he|she|they|it) (?:said|says|stated|declared)\b)|\s+and\s+(?=(?:urged|called|announced|accused|vowed|warned|also|instead)\b)|\s+(?=(?:in|during) \d+ (?:days|weeks|months|years) of\b)|\s+(?=in protest (?:at|against|over)\b)|\s+(?=since (?:the|it|he|she|they)\b)|(?<=\p{Ll})\s+(?=who (?:had|has|was|is|were|are)\b)|\s+(?=that (?:repeatedly |also |later )?(?:said|says|called|urged|accused|described|warned)\b)|(?<=\p{L})\s+(?=following (?:hard on the heels of )?\p{Lu})|,\s+(?=(?:follows|followed)\b|\p{Ll}+ed by [^,;]+$|(?!including\b|during\b|according\b|being\b)\p{Ll}{2,}ing\b)/gu;

/** "… said in a video statement …": the channel is its own clause when what precedes is long. */
const CHANNEL_JOINT = /\s+(?=in (?:a|an|the) (?:\p{L}+\s+)?(?:statement|interview|video|message)\b)/gu;
const CHANNEL_MIN_WORDS = 6;

const QUOTE_JOINT = /:\s+(?=["\u201c])/gu;
/** A lead-in that ends with a verb of saying ("… said", "… declares"). */
const SPEECH_END =
  /\b(?:said|says|say|declared|declares|stated|states|announced|announces|added|adds|wrote|writes|reads|read|told|tells)\s*$/iu;
const LEAD_MAX_WORDS = 10;

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
    // A straight quote opens after a space (or at the start) and closes after anything else, so
    // a sentence that starts inside a quotation ('… this gang," he said, accusing …') is read right.
    else if (ch === '"') inQuote = i === 0 || /[\s([]/u.test(sentence.charAt(i - 1));
    quoteAt.push(inQuote);
  }
  // Joints are matched with every kind of space read as a plain one (offsets unchanged), so a
  // no-break space between "who" and "is" still marks a clause.
  const flat = sentence.replace(/\s/gu, ' ');
  for (const m of flat.matchAll(JOINT)) {
    const at = (m.index ?? 0) + m[0].length;
    if (quoteAt[m.index ?? 0]) continue;
    cuts.push(at);
  }
  // A quotation after a colon is its own clause, unless what precedes is only who said it ("a
  // terse statement said:"): then the attribution and the quote are one statement.
  for (const m of flat.matchAll(QUOTE_JOINT)) {
    const at = (m.index ?? 0) + m[0].length;
    if (quoteAt[m.index ?? 0]) continue;
    const before = Math.max(0, ...cuts.filter((c) => c < at));
    const lead = flat.slice(before, m.index ?? 0);
    if (SPEECH_END.test(lead) && lead.trim().split(/\s+/).length <= LEAD_MAX_WORDS) continue;
    cuts.push(at);
  }
  for (const m of flat.matchAll(CHANNEL_JOINT)) {
    const at = (m.index ?? 0) + m[0].length;
    if (quoteAt[m.index ?? 0]) continue;
    const before = Math.max(0, ...cuts.filter((c) => c < at));
    if (sentence.slice(before, at).trim().split(/\s+/).length >= CHANNEL_MIN_WORDS) cuts.push(at);
  }
  cuts.sort((a, b) => a - b);
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const cut of [...cuts, sentence.length]) {
    const piece = sentence.slice(start, cut);
    const words = piece.trim().split(/\s+/).filter(Boolean).length;
    // A piece that is only a name ("Jane Doe, who …") stays with what it introduces; an
    // apposition ("Jane Doe, a lawyer") says something of its own.
    const plain = piece.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length;
    if (cut !== sentence.length && (words < MIN_WORDS || plain === 0)) continue;
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
