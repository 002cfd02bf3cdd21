/**
 * The reader's whole corpus as one JSON file: every article as stored, every imported index, and
 * whether the bundled corpus is on. Importing the file back gives the same corpus; the built
 * indexes are not in it, because they are made again from the articles.
 */
import type { CorpusIndex } from '../index/schema.ts';
import { validateIndex } from '../index/validate.ts';
import { type ArticleRecord, checkRecord } from './article-record.ts';

export const EXPORT_KIND = 'crossread-corpus';
export const EXPORT_VERSION = 1;

/** An `index.json` the reader imported, kept as it was made (`npm run index`). */
export interface ImportedIndex {
  /** `i` + the hash of its JSON. */
  id: string;
  /** The imported file's name. */
  name: string;
  added: string;
  index: CorpusIndex;
}

export interface CorpusExport {
  kind: typeof EXPORT_KIND;
  version: typeof EXPORT_VERSION;
  exported: string;
  bundled: boolean;
  articles: ArticleRecord[];
  indexes: ImportedIndex[];
}

export function makeExport(
  articles: ArticleRecord[],
  indexes: ImportedIndex[],
  bundled: boolean,
  now: Date,
): CorpusExport {
  return {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exported: now.toISOString(),
    bundled,
    articles,
    indexes,
  };
}

export function isExport(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === EXPORT_KIND;
}

/**
 * Reads an export back. A record that does not check out is named in `problems` and left out;
 * the rest is kept. A file of a newer version is refused whole.
 */
export function readExport(
  data: unknown,
  name: string,
): { articles: ArticleRecord[]; indexes: ImportedIndex[]; bundled: boolean | null; problems: string[] } {
  const d = data as Record<string, unknown>;
  if (d.version !== EXPORT_VERSION)
    throw new Error(
      `${name}: corpus export version ${JSON.stringify(d.version)} — expected ${EXPORT_VERSION} (made by a newer crossread?)`,
    );
  const problems: string[] = [];
  const articles: ArticleRecord[] = [];
  const list = Array.isArray(d.articles) ? d.articles : [];
  if (!Array.isArray(d.articles))
    problems.push(`${name}: no "articles" array — expected the exported articles`);
  list.forEach((entry, i) => {
    const checked = checkRecord(entry);
    if (typeof checked === 'string') problems.push(`${name}: articles[${i}]: ${checked}`);
    else articles.push(checked);
  });
  const indexes: ImportedIndex[] = [];
  (Array.isArray(d.indexes) ? d.indexes : []).forEach((entry, i) => {
    const e = entry as Record<string, unknown>;
    try {
      if (typeof e?.id !== 'string' || typeof e.name !== 'string' || typeof e.added !== 'string')
        throw new Error('expected { id, name, added, index }');
      indexes.push({ id: e.id, name: e.name, added: e.added, index: validateIndex(e.index) });
    } catch (error) {
      problems.push(`${name}: indexes[${i}]: ${(error as Error).message}`);
    }
  });
  const bundled = typeof d.bundled === 'boolean' ? d.bundled : null;
  return { articles, indexes, bundled, problems };
}
