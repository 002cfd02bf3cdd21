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
}

/** What the compiler needs of a lexical database: a word's senses, most frequent first. */
export interface Lexicon {
  senses(word: string): Sense[];
}

/** Senses read per word and part of speech order (WordNet lists the most frequent first). */
export const MAX_SENSES = 2;

/** The stem contentWords gives one word, or '' for a stop word. */
function stemOf(word: string): string {
  const ws = contentWords(word);
  return ws.length === 1 ? (ws[0] as string) : '';
}

/**
 * Page stem → corpus stem, for every single-word synonym or derived form of the corpus's words
 * that the corpus itself does not print. The first corpus word (in sorted order) to claim a stem
 * keeps it, so the map is deterministic.
 */
export function compileParaphrases(corpusWords: Iterable<string>, lexicon: Lexicon): Record<string, string> {
  const words = [...new Set([...corpusWords].map((w) => w.toLowerCase()))].sort();
  const corpusStems = new Set(words.map(stemOf).filter(Boolean));
  const map: Record<string, string> = {};
  for (const word of words) {
    const own = stemOf(word);
    if (!own) continue;
    for (const sense of lexicon.senses(word).slice(0, MAX_SENSES * 3))
      for (const other of [...sense.words, ...sense.related]) {
        if (/[\s_]/.test(other)) continue;
        const s = stemOf(other);
        if (!s || s === own || corpusStems.has(s) || s in map) continue;
        map[s] = own;
      }
  }
  return map;
}
