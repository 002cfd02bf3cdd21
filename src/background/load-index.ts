/**
 * The index every answer is read from: the bundled seed index (unless the reader switched it
 * off), the indexes the reader imported, and the built shards of the reader's own articles,
 * merged into one (a large reader's corpus by story, as pages name them: core/corpus/routed-corpus).
 * Loaded once per background lifetime and again after the corpus changes. A
 * broken bundled index is reported once (`crossread: …`) and kept as an error, so every caller
 * gets the same clear answer and the content script paints nothing; a damaged stored index
 * loses that part only, named in `problems`.
 */
import browser from 'webextension-polyfill';
import { RoutedCorpus } from '../core/corpus/routed-corpus.ts';
import type { IndexPart } from '../core/index/merge.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { parseIndex } from '../core/index/validate.ts';
import { withoutSource } from '../core/index/without-source.ts';
import { readBuilt, readIndexes, readShardList } from '../store/corpus-db.ts';
import { bundledOn } from './corpus-settings.ts';

export type Loaded =
  | { index: CorpusIndex; problems: string[]; error?: undefined }
  | { index: null; problems: string[]; error: string };

let bundled: Promise<CorpusIndex> | undefined;
let loading: Promise<{ loaded: Loaded; corpus: RoutedCorpus | null }> | undefined;

function bundledIndex(): Promise<CorpusIndex> {
  bundled ??= (async () => {
    const response = await fetch(browser.runtime.getURL('index.json'));
    if (!response.ok) throw new Error(`index.json could not be read (HTTP ${response.status})`);
    return parseIndex(await response.text());
  })();
  return bundled;
}

async function importedParts(problems: string[]): Promise<IndexPart[]> {
  const parts: IndexPart[] = [];
  for (const stored of await readIndexes())
    try {
      parts.push({ index: parseIndex(stored.json), corpus: 'imported' });
    } catch (error) {
      problems.push(
        `imported index “${stored.name}” is damaged and was left out: ${(error as Error).message}`,
      );
    }
  return parts;
}

async function load(): Promise<{ loaded: Loaded; corpus: RoutedCorpus | null }> {
  const problems: string[] = [];
  const base: IndexPart[] = [];
  try {
    if (await bundledOn()) base.push({ index: await bundledIndex(), corpus: 'bundled' });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    console.error(`crossread: ${message}`);
    return { loaded: { index: null, problems, error: message }, corpus: null };
  }
  let corpus: RoutedCorpus;
  try {
    base.push(...(await importedParts(problems)));
    corpus = await RoutedCorpus.open(base, await readShardList(), readBuilt, problems);
  } catch (error) {
    // The reader's store cannot be read: the bundled index still answers.
    problems.push(String((error as Error)?.message ?? error));
    corpus = await RoutedCorpus.open(base, [], readBuilt, problems);
  }
  for (const p of problems) console.warn(`crossread: ${p}`);
  return { loaded: { index: corpus.index, problems }, corpus };
}

export async function loadIndex(): Promise<Loaded> {
  loading ??= load();
  const { loaded, corpus } = await loading;
  return corpus ? { index: corpus.index, problems: loaded.problems } : loaded;
}

/** Reads the corpus again (after an add, an import, a removal, the bundled switch). */
export function reloadIndex(): Promise<Loaded> {
  loading = undefined;
  forPage.clear();
  return loadIndex();
}

// A page's shards are read one page at a time: two pages at once must not merge twice.
let routing: Promise<unknown> = Promise.resolve();

/** Reads in more of a large reader's corpus (`add`), one request at a time, then the index. */
async function loadIndexHolding(add: (corpus: RoutedCorpus) => Promise<unknown>): Promise<Loaded> {
  loading ??= load();
  const { corpus } = await loading;
  if (!corpus?.routed) return loadIndex();
  const turn = routing.then(() => add(corpus).catch(() => corpus.index));
  routing = turn;
  await turn;
  return loadIndex();
}

/** The index with the reader's stories that the page's text names (a large corpus is read by story). */
function loadIndexWith(segments: readonly string[], min?: number): Promise<Loaded> {
  return loadIndexHolding((corpus) => corpus.forText(segments, min));
}

/**
 * The index a lookup searches: with the reader's stories that name what the reader typed (one
 * name is enough; the words are read as names whatever their case).
 */
export function loadIndexNaming(query: string): Promise<Loaded> {
  const asNames = query.replace(/\p{L}+/gu, (w) => (w[0] as string).toUpperCase() + w.slice(1));
  return loadIndexWith([asNames], 1);
}

/** The index with the story of one stored article held (the reader opens it from the corpus). */
export function loadIndexWithArticle(article: string): Promise<Loaded> {
  return loadIndexHolding((corpus) => corpus.forArticle(article));
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

const forPage = new Map<string, { from: CorpusIndex; index: CorpusIndex }>();

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
 * The index as a page reads it: with the reader's stories its `segments` name (when the corpus
 * is read by story), and without the page itself when it is one of the sources (the reader added
 * it), so a page is never cross-checked against itself. Kept for a few pages.
 */
export async function loadIndexFor(
  url: string | undefined,
  segments: readonly string[] = [],
): Promise<Loaded> {
  const loaded = segments.length ? await loadIndexWith(segments) : await loadIndex();
  if (!loaded.index || !url) return loaded;
  const key = samePage(url);
  const own = sourceAt(loaded.index, key);
  if (!own) return loaded;
  let kept = forPage.get(key);
  // The held index grows as pages name other stories: a page's copy is made again from the new one.
  if (kept?.from !== loaded.index) {
    kept = { from: loaded.index, index: withoutSource(loaded.index, own) };
    if (forPage.size > 8) forPage.clear();
    forPage.set(key, kept);
  }
  return { ...loaded, index: kept.index };
}
