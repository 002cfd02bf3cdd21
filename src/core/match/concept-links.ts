/**
 * Links by meaning where the wording differs: a page sentence and a fact member are compared as
 * sets of concepts — content words read through the corpus's paraphrase map (a synonym or derived
 * form becomes the corpus's own word), the entities named (by id, whatever the spelling) and the
 * kinds of value stated (a death toll, a rank, a channel). Each concept weighs by how few facts
 * share it, so "resigned" + the mayor's name + "harbour" outweighs "said" + the country.
 *
 * A link needs the concepts of both sides to overlap well (a weighted Dice score), at least two
 * shared content words that are not names, and one shared name or value: a sentence that only
 * uses the story's vocabulary states no particular fact.
 */
import type { ConceptIndex, ConceptSig } from './concepts.ts';
import { TIME_WORDS } from './lexical-links.ts';

const CHANNEL = '%channel';
const RESPONSE = '%response';

/** Weighted Dice overlap at which a page sentence states the member's fact. */
export const CONCEPT_SCORE = 0.45;
/** The score needed when a shared name and a shared kind of value anchor the link. */
export const VALUE_SCORE = 0.22;
/** Share of the member's plain-word weight that links without a shared name or value. */
export const WHOLE_SHARE = 0.6;
/** Share of the member's plain-word weight the page sentence must state. */
export const WORD_SHARE = 0.45;
/** Shared plain words that link at WORD_SHARE without a shared name. */
const MANY_WORDS = 5;
/**
 * Share of the page sentence's own concept weight that a long member may hold for a link: a page
 * sentence that says nothing the member does not ("<country> has circulated a draft, backed by …")
 * states it, however much more the member says.
 */
export const PAGE_COVERAGE = 0.9;
/** Of the best fact's score, what a second fact of the same sentence must reach. */
const SECOND = 0.9;

/**
 * Fact indexes the concepts state, best first (at most two, and the fact of how a person said it).
 * `strict`: only a link that states the member's own words (a clause read on its own).
 * `speakers`: the entity concepts named outside quotations; a person named only inside a quote is
 * what someone says, not who says it, so no value or channel link rests on them.
 * `valuesOnly`: the sentence names no one, so only the same figure links (below).
 */
export function conceptLinks(
  index: ConceptIndex,
  page: ReadonlySet<string>,
  options: { strict?: boolean; speakers?: ReadonlySet<string>; valuesOnly?: boolean } = {},
): number[] {
  let pageWeight = 0;
  let pageNames = 0;
  // What the page says that the corpus never does weighs as its rarest word, for the coverage test.
  let pageSays = 0;
  for (const k of page) {
    const w = index.idf.get(k);
    pageWeight += w ?? 0;
    pageSays += w ?? index.rarest;
    if (k.startsWith('#')) pageNames++;
  }
  if (pageWeight === 0) return [];
  // Every link below needs a shared plain word but how a person said it, which needs a shared
  // channel: names and values alone select no candidate (a name is in most of its story's facts).
  const candidates = new Set<number>();
  for (const k of page)
    if (!/^[#%=]/.test(k) || (k === CHANNEL && !options.strict))
      for (const i of index.postings.get(k) ?? []) candidates.add(i);
  const best = new Map<number, number>();
  const told = new Map<number, number>();
  const answered = new Map<number, { score: number; aboutThem: boolean }>();
  for (const i of candidates) {
    const sig = index.sigs[i] as ConceptSig;
    let shared = 0;
    let words = 0;
    let wordWeight = 0;
    let anchors = 0;
    let people = 0;
    let values = 0;
    let sameValues = 0;
    let topical = 0;
    for (const k of sig.concepts) {
      if (!page.has(k)) continue;
      const w = index.idf.get(k) ?? 0;
      shared += w;
      if (k.startsWith('#')) {
        anchors++;
        if (index.isPerson(k) && (!options.speakers || options.speakers.has(k))) people++;
      } else if (k.startsWith('%')) values++;
      else if (k.startsWith('=')) sameValues++;
      else {
        words++;
        wordWeight += w;
        if (!TIME_WORDS.has(k)) topical++;
      }
    }
    const score = (2 * shared) / (sig.weight + pageWeight);
    // The member's own predicate must be stated, not only its names and values ...
    const share = wordWeight / Math.max(1e-9, sig.wordWeight);
    const stated =
      !options.valuesOnly &&
      ((score >= CONCEPT_SCORE &&
        ((words >= 2 && anchors + values >= 1 && share >= WORD_SHARE) ||
          // no shared name, but most of the member's own words ("the first senior diplomat"),
          // and no name of the page's that the member lacks (then it is about someone else)
          (words >= 3 && share >= WHOLE_SHARE && anchors === pageNames) ||
          // ... or less of them when five or more are shared: that many words are evidence enough
          (words >= MANY_WORDS && share >= WORD_SHARE && anchors === pageNames) ||
          // a member that is one word about a person ("Kimani, a Lutheran"): that word and that
          // person, named outside a quotation, are all it says
          (words === 1 && share >= 1 && people >= 1 && sig.concepts.length === 2))) ||
        // ... or the page sentence says nothing else, names and plain words alike
        (words >= 3 && anchors >= 1 && shared >= pageSays * PAGE_COVERAGE) ||
        // ... or it holds every concept of a short member, its names and its words
        (words >= 2 && anchors >= 1 && words + anchors + values + sameValues === sig.concepts.length) ||
        // ... or a short piece that says only what the member says of two of its names
        (options.strict === true &&
          topical >= 1 &&
          anchors >= 2 &&
          people >= 1 &&
          shared >= pageSays - 1e-9));
    // ... unless the same person and the same kind of value say which fact it is: "announced it on
    // a TV channel" and "posted a video on a website" report one thing, its channel aside.
    const valued =
      (!options.strict &&
        !options.valuesOnly &&
        values >= 1 &&
        people >= 1 &&
        topical >= 1 &&
        score >= VALUE_SCORE) ||
      // ... or the same figure of the same kind, and a shared word of what it counts.
      (sameValues >= 1 && topical >= 1);
    if ((stated || valued) && score > (best.get(sig.fact) ?? 0)) best.set(sig.fact, score);
    // How a person said it (a channel) is a fact of its own beside what they said: the same
    // person and a channel on both sides link it even when the rest of the sentence states more.
    if (
      !options.strict &&
      !options.valuesOnly &&
      people >= 1 &&
      channel(sig, page) &&
      score > (told.get(sig.fact) ?? 0)
    )
      told.set(sig.fact, score);
    // So is how an official side answered (a statement, or none): the side is a government, named
    // by its country rather than a person, with two words of what it said or was asked, when the
    // sentence names the fact's person or states another fact: a government that "did not
    // comment on the oil deal" answers about something else.
    if (
      !options.strict &&
      !options.valuesOnly &&
      page.has(RESPONSE) &&
      sig.concepts.includes(RESPONSE) &&
      anchors >= 1 &&
      topical >= 2 &&
      score >= VALUE_SCORE &&
      score > (answered.get(sig.fact)?.score ?? 0)
    )
      answered.set(sig.fact, { score, aboutThem: people >= 1 });
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = ranked[0]?.[1] ?? 0;
  const links = ranked
    .filter(([, s]) => s >= top * SECOND)
    .slice(0, 2)
    .map(([f]) => f);
  const how = [...told.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (how && !links.includes(how[0])) links.push(how[0]);
  const reply = [...answered.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0])[0];
  if (reply && (links.length > 0 || reply[1].aboutThem) && !links.includes(reply[0])) links.push(reply[0]);
  return links;
}

function channel(sig: ConceptSig, page: ReadonlySet<string>): boolean {
  return page.has(CHANNEL) && sig.concepts.includes(CHANNEL);
}
