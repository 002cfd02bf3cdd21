/**
 * Messages between the content script and the rest of the extension.
 * Owner: the content-script work (issue 4). Content scripts run beside hostile pages, so the
 * background validates every payload of ContentToBackground before using it (issue 6).
 */
import type { FactStatus, MatcherData } from '../core/index/schema.ts';

/** A compact view of one fact: enough to colour a highlight. */
export interface FactBrief {
  id: string;
  status: FactStatus;
  label: string;
  /** Number of distinct sources reporting it. */
  sources: number;
}

/** A compact view of one entity. */
export interface EntityBrief {
  id: string;
  name: string;
  type: string;
}

/** What a content script needs to scan a page. */
export interface PageSetup {
  /** False when the reader switched crossread off for this site. */
  enabled: boolean;
  /** Null when the index could not be loaded; then `error` says why and nothing is painted. */
  matcher: MatcherData | null;
  facts: FactBrief[];
  entities: EntityBrief[];
  error?: string;
}

/** What the page shows, as the popup needs it. */
export interface PageReport {
  state: 'scanning' | 'ready' | 'off' | 'error' | 'not-article';
  url: string;
  names: { id: string; count: number }[];
  claims: { ids: string[]; status: FactStatus; text: string }[];
  error?: string;
}

export type ContentToBackground = {
  /** Asked once per page: the matcher data and whether the site is enabled. */
  'content/setup': { request: { host: string }; response: PageSetup };
  /** Card data for a hover card, fetched on demand (the content script never holds the full index). */
  'content/card': { request: { kind: 'name' | 'claim'; ids: string[] }; response: unknown };
  /** Opens the popup's full view of a fact or name (the hover card's button). */
  'content/open': { request: { kind: 'name' | 'claim'; id: string }; response: boolean };
};

export type BackgroundToContent = {
  /** From the keyboard shortcuts: jump to the next or previous conflict. */
  'page/jump': { request: { direction: 1 | -1 }; response: boolean };
};

export type PopupToContent = {
  'page/report': { request: Record<string, never>; response: PageReport };
  /** Scrolls to the first highlight carrying this id and flashes it. */
  'page/scrollTo': { request: { id: string }; response: boolean };
};
