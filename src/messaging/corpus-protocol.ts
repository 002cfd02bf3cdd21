/**
 * Messages about the reader's own corpus, from extension pages (the popup, the options page) to
 * the background, and the article a page hands over when the reader adds it. The options page
 * writes imported articles to the corpus database itself; the background is told, indexes what
 * changed and reads the corpus again.
 */
import type { PageHead } from '../core/corpus/article-meta.ts';

/** What an add or a change came to: for the reader, in numbers. */
export interface CorpusOutcome {
  /** Articles in the reader's corpus after it. */
  articles: number;
  /** Shards (stories) built again. */
  built: number;
  /** Problems met on the way, each naming what it was about. */
  problems: string[];
  ms: number;
}

export interface AddedArticle extends CorpusOutcome {
  /** The article's title or address, as the list shows it. */
  name: string;
  /** False when the corpus already held the same text. */
  added: boolean;
  /** Facts the article contributes. */
  facts: number;
}

export type CorpusToBackground = {
  /** Adds the article in a tab (the popup's button; the context menu and shortcut run the same). */
  'corpus/addTab': { request: { tabId: number }; response: AddedArticle };
  /** The options page changed the database: index what changed and read the corpus again. */
  'corpus/changed': { request: Record<string, never>; response: CorpusOutcome };
  /** Switches the bundled seed corpus on or off. */
  'corpus/setBundled': { request: { on: boolean }; response: boolean };
};

/** The article a page hands over: its text, what its head says, and where it was read. */
export interface PageArticle {
  text: string;
  head: PageHead;
  pageUrl: string;
}

export type BackgroundToPage = {
  'page/article': { request: Record<string, never>; response: PageArticle | null };
};
