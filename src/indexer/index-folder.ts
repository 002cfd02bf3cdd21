/**
 * Indexes a folder of articles into a CorpusIndex: read and validate the folder,
 * then build. Throws a SeedError naming file and line on bad input; writes nothing itself.
 */
import path from 'node:path';
import type { CorpusIndex } from '../core/index/schema.ts';
import { type BuildOptions, buildIndex, summarize } from './build-index.ts';
import { readFolder } from './read-folder.ts';

export async function indexFolder(
  folder: string,
  options: BuildOptions = {},
): Promise<{ index: CorpusIndex; summary: string }> {
  const label = path.relative(process.cwd(), folder) || '.';
  const articles = await readFolder(folder, label);
  const index = buildIndex(articles, options);
  return { index, summary: summarize(index) };
}
