/**
 * The core index build with what Node has: wink-nlp for sentences and tags, WordNet for the
 * corpus's paraphrases, roles and capitals.
 */
import { type BuildOptions, buildIndex as buildWith, summarize } from '../core/index/build-index.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { analyse } from './nlp.ts';
import type { RawArticle } from './read-folder.ts';
import { openWordNet } from './wordnet.ts';

export { type BuildOptions, summarize };

/** Builds and validates the index of already-read articles. */
export function buildIndex(articles: readonly RawArticle[], options: BuildOptions = {}): CorpusIndex {
  return buildWith(articles, { analyse, lexicon: () => openWordNet() }, options);
}
