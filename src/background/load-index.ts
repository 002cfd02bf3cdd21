/**
 * The index every answer is read from: the bundled seed index (unless the reader switched it
 * off), the indexes the reader imported, and the built shards of the reader's own articles,
 * merged into one. Loaded once per background lifetime and again after the corpus changes. A
 * broken bundled index is reported once (`crossread: …`) and kept as an error, so every caller
 * gets the same clear answer and the content script paints nothing; a damaged stored index
 * loses that part only, named in `problems`.
 */
import browser from 'webextension-polyfill';
import { type IndexPart, mergeIndexes } from '../core/index/merge.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { parseIndex } from '../core/index/validate.ts';
import { withoutSource } from '../core/index/without-source.ts';
import { readBuilt, readIndexes } from '../store/corpus-db.ts';
import { bundledOn } from './corpus-settings.ts';

export type Loaded =
  | { index: CorpusIndex; problems: string[]; error?: undefined }
  | { index: null; problems: string[]; error: string };

let bundled: Promise<CorpusIndex> | undefined;
let loading: Promise<Loaded> | undefined;

function bundledIndex(): Promise<CorpusIndex> {
  bundled ??= (async () => {
    const response = await fetch(browser.runtime.getURL('index.json'));
    if (!response.ok) throw new Error(`index.json could not be read (HTTP ${response.status})`);
    return parseIndex(await response.text());
  })();
  return bundled;
}

async function readerParts(problems: string[]): Promise<IndexPart[]> {
  const parts: IndexPart[] = [];
  try {
    for (const stored of await readIndexes())
      try {
        parts.push({ index: parseIndex(stored.json), corpus: 'imported' });
      } catch (error) {
        problems.push(
          `imported index “${stored.name}” is damaged and was left out: ${(error as Error).message}`,
        );
      }
    for (const shard of await readBuilt())
      try {
        parts.push({ index: parseIndex(shard.json), corpus: 'reader' });
      } catch (error) {
        problems.push(`a story of your corpus is damaged and was left out: ${(error as Error).message}`);
      }
  } catch (error) {
    problems.push(String((error as Error)?.message ?? error));
  }
  return parts;
}

async function load(): Promise<Loaded> {
  const problems: string[] = [];
  const parts: IndexPart[] = [];
  try {
    if (await bundledOn()) parts.push({ index: await bundledIndex(), corpus: 'bundled' });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    console.error(`crossread: ${message}`);
    return { index: null, problems, error: message };
  }
  parts.push(...(await readerParts(problems)));
  for (const p of problems) console.warn(`crossread: ${p}`);
  if (parts.length === 0) return { index: mergeIndexes([]), problems };
  return {
    index: parts.length === 1 && parts[0]?.corpus === 'bundled' ? parts[0].index : mergeIndexes(parts),
    problems,
  };
}

export function loadIndex(): Promise<Loaded> {
  loading ??= load();
  return loading;
}

/** Reads the corpus again (after an add, an import, a removal, the bundled switch). */
export function reloadIndex(): Promise<Loaded> {
  loading = undefined;
  forPage.clear();
  return loadIndex();
}

/** Drops a query, a fragment and a trailing slash: the same article read at two addresses. */
export function samePage(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

const forPage = new Map<string, CorpusIndex>();

/** Each reader source's page (as {@link samePage} keys it) → its id, read once per loaded index. */
const ownPages = new WeakMap<CorpusIndex, Map<string, string>>();

function sourceAt(index: CorpusIndex, page: string): string | undefined {
  let pages = ownPages.get(index);
  if (!pages) {
    pages = new Map();
    for (const s of index.sources) if (s.corpus && s.url) pages.set(samePage(s.url), s.id);
    ownPages.set(index, pages);
  }
  return pages.get(page);
}

/**
 * The index as a page reads it: when the page is one of the sources (the reader added it), that
 * source is left out, so a page is never cross-checked against itself. Kept for a few pages.
 */
export async function loadIndexFor(url: string | undefined): Promise<Loaded> {
  const loaded = await loadIndex();
  if (!loaded.index || !url) return loaded;
  const key = samePage(url);
  const own = sourceAt(loaded.index, key);
  if (!own) return loaded;
  let index = forPage.get(key);
  if (!index) {
    index = withoutSource(loaded.index, own);
    if (forPage.size > 8) forPage.clear();
    forPage.set(key, index);
  }
  return { ...loaded, index };
}
