/**
 * Indexes a folder of articles into a CorpusIndex.
 * Placeholder until the corpus-index work (issue 3) lands: returns a valid empty index so the
 * build and the extension can be tested end to end.
 */
import { type CorpusIndex, emptyIndex } from '../core/index/schema.ts';

export async function indexFolder(_folder: string): Promise<{ index: CorpusIndex; summary: string }> {
  return { index: emptyIndex(), summary: 'empty index (indexer not yet built)' };
}
