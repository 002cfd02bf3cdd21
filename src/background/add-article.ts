/**
 * "Add this article": the page hands over its article (text and page metadata), it is stored,
 * indexed at once, and the corpus read again, so the next page on the story is checked against
 * it and this page, reloaded, shows it as the source it now is.
 */
import { articleMeta, type PageHead, type ResolveUrl } from '../core/corpus/article-meta.ts';
import { makeRecord } from '../core/corpus/article-record.ts';
import { sendToTab } from '../messaging/channel.ts';
import type { AddedArticle, CorpusOutcome } from '../messaging/corpus-protocol.ts';
import type { ToContent } from '../messaging/protocol.ts';
import { addArticles, readShardList } from '../store/corpus-db.ts';
import { overview } from './handlers-popup.ts';
import { syncInWorker } from './indexer-host.ts';
import { reloadIndex } from './load-index.ts';

/** Indexes what changed in the corpus database and reads the corpus again. */
export async function corpusChanged(): Promise<CorpusOutcome> {
  const started = performance.now();
  const result = await syncInWorker();
  const loaded = await reloadIndex();
  // The overview kept for a popup's first paint counts the corpus as it now is.
  await overview();
  return {
    articles: result.articles,
    built: result.built,
    problems: [...result.problems, ...loaded.problems],
    ms: performance.now() - started,
  };
}

const resolve: ResolveUrl = (url, base) => {
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
};

const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The content script is ours, but what it hands over crosses a process boundary: checked. */
function isHead(v: unknown): v is PageHead {
  const h = v as Partial<PageHead> | null;
  return (
    !!h &&
    typeof h.meta === 'object' &&
    h.meta !== null &&
    Object.values(h.meta).every((x) => typeof x === 'string') &&
    (h.canonical === null || typeof h.canonical === 'string') &&
    strings(h.ld) &&
    typeof h.h1 === 'string' &&
    (h.time === null || typeof h.time === 'string')
  );
}

export async function addTabArticle(tabId: number): Promise<AddedArticle> {
  const reply = await sendToTab<ToContent, 'page/article'>(tabId, 'page/article', {});
  if (!reply.ok) throw new Error(`crossread cannot read this page (${reply.error})`);
  const page = reply.value;
  if (!page?.text.trim()) throw new Error('this page holds no article crossread can read');
  if (!isHead(page.head)) throw new Error('crossread cannot read this page (its metadata is malformed)');
  const read = articleMeta(page.head, page.text, page.pageUrl, resolve);
  const meta = { ...read.meta, url: read.meta.url ?? page.pageUrl };
  const name = meta.title ?? page.pageUrl;
  const record = makeRecord(name, read.text, meta, new Date(), page.pageUrl);
  const { added } = await addArticles([record]);
  const outcome = await corpusChanged();
  // The worker counted each article's facts when it built the shard (the shard may not be held).
  const shard = (await readShardList()).find((s) => s.articles.includes(record.id));
  return { ...outcome, name, added: added.length > 0, facts: shard?.facts?.[record.id] ?? 0 };
}
