/**
 * Paraphrase knowledge for the corpus's own words, compiled at build time from a lexical database
 * (WordNet through the indexer): a page word the corpus never prints is read as the corpus word
 * it is a synonym or a derived form of ("quit" for "resign", "defection" for "defect"). Only the
 * first senses of each word are used, since news copy uses words in their common senses, and
 * only words the corpus prints are keys: the map grows with the corpus, not with the dictionary.
 */
import { contentWords } from '../compare/grams.ts';

/** One sense of a word: the words of its synset and the words derived from it. */
export interface Sense {
  words: string[];
  related: string[];
  /** Its part of speech, where the database says. */
  pos?: 'verb' | 'noun' | 'adj';
}

/** What the compiler needs of a lexical database: a word's senses, most frequent first. */
export interface Lexicon {
  senses(word: string): Sense[];
  /** The kinds of a noun: the words of the direct hyponyms of its first senses ("envoy" of "diplomat"). */
  kinds?(word: string): string[];
  /**
   * Where a place name is a national capital, the names of the country it is the capital of
   * ("Nairobi" → "Kenya", "Republic of Kenya"); else none.
   */
  capitalOf?(name: string): string[];
  /** How often a word is read in each part of speech (WordNet: its senses tagged in a corpus). */
  usage?(word: string): Partial<Record<'verb' | 'noun' | 'adj', number>>;
}

/** Senses read per word and part of speech order (WordNet lists the most frequent first). */
export const MAX_SENSES = 2;

/** The stem contentWords gives one word, or '' for a stop word. */
function stemOf(word: string): string {
  const ws = contentWords(word);
  return ws.length === 1 ? (ws[0] as string) : '';
}

/**
 * Stem → the concept it is read as. A page word the corpus never prints maps to the corpus word
 * it is a synonym or derived form of (the first corpus word, in sorted order, to claim it keeps
 * it, so the map is deterministic). Corpus words of one family — a verb and its noun ("defect",
 * "defection"), or two words that share their first sense — map to one of them, so a sentence
 * that says "the defection" states what another's "defected" does. The map is read the same way
 * on both sides: a stem that is no key is its own concept. Two-word lemmas are keys as a pair of
 * stems ("put forward" → "submit"), read by `readConcepts`.
 */
export function compileParaphrases(corpusWords: Iterable<string>, lexicon: Lexicon): Record<string, string> {
  const words = [...new Set([...corpusWords].map((w) => w.toLowerCase()))].sort();
  const corpusStems = new Set(words.map(stemOf).filter(Boolean));
  const family = new Families();
  const near = new Map<string, string>();
  // A phrase goes to the corpus word that lists it in its most frequent sense.
  const phrases = new Map<string, { own: string; rank: number }>();
  for (const word of words) {
    const own = stemOf(word);
    if (!own) continue;
    const senses = lexicon.senses(word).slice(0, MAX_SENSES * 3);
    senses.forEach((sense, n) => {
      for (const other of [...sense.words, ...sense.related]) {
        if (/[\s_]/.test(other)) {
          // A two-word synonym ("put_forward" in a sense of "submit"): the phrase, read as a pair
          // of stems, is the corpus word wherever it is printed.
          const key = phraseKey(other);
          const held = phrases.get(key);
          if (key && sense.words.includes(other) && (!held || held.rank > n))
            phrases.set(key, { own, rank: n });
          continue;
        }
        const s = stemOf(other);
        if (!s || s === own) continue;
        if (!corpusStems.has(s)) {
          if (!near.has(s)) near.set(s, own);
        } else if (
          (sense.related.includes(other) && sameRoot(own, s)) ||
          (n === 0 && firstSenseHas(lexicon, other, own))
        ) {
          family.join(own, s);
        }
      }
    });
  }
  // Nouns that name one thing are one concept too ("revolt", "uprising").
  for (const [a, b] of synonymPairs(words, lexicon)) family.join(a, b);
  const map: Record<string, string> = {};
  for (const stem of corpusStems) {
    const head = family.head(stem);
    if (head !== stem) map[stem] = head;
  }
  for (const [stem, corpus] of near) map[stem] = family.head(corpus);
  for (const [key, { own }] of phrases) map[key] = family.head(own);
  return map;
}

/**
 * Corpus nouns that name one thing ("uprising" and "revolt", "gun" and "artillery"): stem → the
 * head of its synonym family. Two nouns are synonyms when they share a noun synset that is the
 * first noun sense of one and among the first two of the other, and each is read as a noun at
 * least as often as otherwise. Nouns only: verbs and adjectives
 * share synsets in senses news rarely means ("second" a motion is "endorse" it), and derived
 * forms are families of the paraphrase map, not synonyms. Fact grouping reads these, so two
 * reports of one event in different nouns are one fact.
 */
export function compileSynonyms(corpusWords: Iterable<string>, lexicon: Lexicon): Record<string, string> {
  const family = new Families();
  const stems = new Set<string>();
  for (const [a, b] of synonymPairs(corpusWords, lexicon)) {
    family.join(a, b);
    stems.add(a).add(b);
  }
  const map: Record<string, string> = {};
  for (const stem of stems) {
    const head = family.head(stem);
    if (head !== stem) map[stem] = head;
  }
  return map;
}

/** The pairs of corpus noun stems that `compileSynonyms` joins. */
function synonymPairs(corpusWords: Iterable<string>, lexicon: Lexicon): [string, string][] {
  const words = [...new Set([...corpusWords].map((w) => w.toLowerCase()))].sort();
  // Noun synset → the stems that list it, with the rank of that sense among each word's nouns.
  const bySynset = new Map<string, Map<string, number>>();
  for (const word of words) {
    const own = stemOf(word);
    if (!own || !mostlyNoun(lexicon, word)) continue;
    let rank = 0;
    for (const sense of lexicon.senses(word)) {
      if (sense.pos !== 'noun') continue;
      const key = [...sense.words].sort().join(',');
      let stems = bySynset.get(key);
      if (!stems) {
        stems = new Map();
        bySynset.set(key, stems);
      }
      const held = stems.get(own);
      if (held === undefined || held > rank) stems.set(own, rank);
      rank++;
    }
  }
  const pairs: [string, string][] = [];
  for (const stems of bySynset.values()) {
    const list = [...stems].filter(([, r]) => r < MAX_SENSES);
    for (const [a, ra] of list)
      for (const [b, rb] of list) if (a < b && Math.min(ra, rb) === 0) pairs.push([a, b]);
  }
  return pairs;
}

/** Whether a word is read as a noun at least as often as in another part of speech ("last" is mostly an adjective). */
function mostlyNoun(lexicon: Lexicon, word: string): boolean {
  const usage = lexicon.usage?.(word);
  if (!usage) return true;
  const noun = usage.noun ?? 0;
  return noun >= (usage.verb ?? 0) && noun >= (usage.adj ?? 0);
}

/** The key of a two-word lemma: its two stems, space-separated ("put forward"), or '' when a word is a stop word. */
function phraseKey(lemma: string): string {
  const parts = lemma.split(/[\s_]+/);
  if (parts.length !== 2) return '';
  const stems = parts.map(stemOf);
  return stems.every(Boolean) ? stems.join(' ') : '';
}

/**
 * Stems in text order read as concepts: each stem its mapped concept or itself, and after a pair
 * of neighbours that is a phrase of the map ("put forward") the phrase's concept too. The words
 * stay: "Brig. Gen." is a brigadier and still a general.
 */
export function readConcepts(stems: readonly string[], map: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const w = stems[i] as string;
    out.push(map[w] ?? w);
    const next = stems[i + 1];
    const phrase = next === undefined ? undefined : map[`${w} ${next}`];
    if (phrase !== undefined) out.push(phrase);
  }
  return out;
}

/** A derived form of the same root ("defect", "defection"), not a derived synonym ("credit"). */
function sameRoot(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const shorter = Math.min(a.length, b.length);
  // A short stem keeps its first letters only in some derived forms ("flee" → "fle", "flight").
  return n >= 4 || n >= shorter || (shorter <= 3 && n >= shorter - 1);
}

/** Whether `word`'s first sense lists a word with stem `stem`: synonyms both ways, not a chain. */
function firstSenseHas(lexicon: Lexicon, word: string, stem: string): boolean {
  const first = lexicon.senses(word)[0];
  return !!first && first.words.some((w) => !/[\s_]/.test(w) && stemOf(w) === stem);
}

/** Word families: union-find over stems, the alphabetically first stem heading each family. */
class Families {
  private parent = new Map<string, string>();
  head(x: string): string {
    let r = x;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r) as string;
    return r;
  }
  join(a: string, b: string): void {
    const ra = this.head(a);
    const rb = this.head(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
