/**
 * Builds the `matcher` section of the index: what the page matcher needs, precomputed at build
 * time. Owner: the content-script work (issue 4), which decides what page matching needs; the
 * indexer calls this last, once entities and facts are final.
 *
 * Placeholder: names only, split on white space and lower-cased; no claim signatures yet.
 */
import type { CorpusIndex, MatcherData } from '../index/schema.ts';

export function buildMatcherData(index: Omit<CorpusIndex, 'matcher'>): MatcherData {
  const names = index.entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      entity: entity.id,
      keys: alias.text.toLowerCase().split(/\s+/).filter(Boolean),
    })),
  );
  return { names: names.filter((n) => n.keys.length > 0 && n.keys.length <= 12), claims: [] };
}
