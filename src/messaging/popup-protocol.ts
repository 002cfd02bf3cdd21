/**
 * Messages from the popup (and other extension pages) to the background.
 * Owner: the popup work. The background answers from the one loaded index, so the
 * popup receives only what it shows, never the whole corpus.
 */

import type { EntityMatch, FactSummary } from '../core/index/query.ts';
import type { FactRow } from '../core/index/query-fact-rows.ts';
import type { Entity, Source } from '../core/index/schema.ts';
import type { EntityBrief, OpenTarget, PageReport } from './content-protocol.ts';

export type { EntityMatch, FactRow, FactSummary };

/** A source without its text, for lists. */
export type SourceBrief = Omit<Source, 'text' | 'sentences'>;

export interface Overview {
  sources: SourceBrief[];
  entities: number;
  facts: { corroborated: number; conflict: number; single: number };
  /** Set when the index failed to load: the popup shows it. */
  error?: string;
}

/**
 * A fact in the page summary: its summary without the outlet names, which the popup shows from
 * the source ids. They were a fifth of the summaries' JSON (all 86 seed facts: 23.6 → 19.1 KB),
 * sent with every popup/start and kept in storage.session for each tab.
 */
export type PageFact = Omit<FactSummary, 'outlets'>;

/** What the popup shows about the facts and names a page states. */
export interface PageView {
  /** Summaries of the page's facts, in the order asked (unknown ids left out). */
  facts: PageFact[];
  names: EntityBrief[];
  /** Facts two or more sources report that the page does not state. */
  leftOut: PageFact[];
}

/** The fact card: the summary, one row per source, and the names involved. */
export interface FactCard {
  fact: FactSummary;
  rows: FactRow[];
  entities: EntityBrief[];
}

/** The name card: the entity, each spelling with the outlets using it, and the facts involving it. */
export interface NameCard {
  entity: Omit<Entity, 'aliases'>;
  spellings: { text: string; outlets: string[]; sources: string[] }[];
  facts: FactSummary[];
}

/** The page's cross-check, ready to save or copy (docs/report-format.md). */
export interface ExportedReport {
  json: string;
  markdown: string;
  file: string;
}

/** A source for the reader view: its metadata, text and sentence spans. */
export type SourceText = Source;

/** What the popup needs from the background before its first paint, in one round trip. */
export interface PopupStart {
  overview: Overview;
  /** A lookup query waiting for the popup (the context menu), taken once. */
  query: string | null;
  /** The fact or name the hover card's button asked for, taken once; null when not asked to take it. */
  target: OpenTarget | null;
  /** The page the popup is about, fetched by the background beside the rest (first paint). */
  page: PageStart;
}

/** The popup's page at start: its tab, the content script's report, and the summary's data. */
export interface PageStart {
  tabId: number | null;
  report: PageReport | null;
  /** Null when the report has nothing to summarise (no page, off, nothing found). */
  view: PageView | null;
  /**
   * True when the report is the one the page sent with its last state, not asked for now: the
   * popup checks it against the page after its first paint.
   */
  cached: boolean;
}

export type PopupToBackground = {
  /** The overview, the waiting query and the open target together (first paint: one round trip). */
  /**
   * Everything the first paint needs in one round trip: the overview, the waiting query, the open
   * target, and the page (`tab`: a tab id, or 'active' for the active tab of the focused window).
   */
  'popup/start': { request: { takeTarget: boolean; tab: number | 'active' | null }; response: PopupStart };
  'popup/overview': { request: Record<string, never>; response: Overview };
  /** Everything the page summary needs in one round trip (first paint). */
  'popup/page': { request: { facts: string[]; names: string[] }; response: PageView };
  /**
   * The page, asked after a first paint from a kept report, said otherwise (its own script removed
   * marked content, which sends no new state): the background keeps what it says now, so the next
   * popup paints it first. True when kept.
   */
  'popup/keepReport': { request: { tabId: number; report: PageReport }; response: boolean };
  'popup/fact': { request: { id: string }; response: FactCard | null };
  'popup/entity': { request: { id: string }; response: NameCard | null };
  'popup/lookup': { request: { query: string }; response: { entities: EntityMatch[]; facts: FactSummary[] } };
  'popup/source': { request: { id: string }; response: SourceText | null };
  /** The source id of a stored reader article (its story read in if it was not held). */
  'popup/article': { request: { id: string }; response: string | null };
  /** The page's cross-check as files (core/report): JSON and Markdown, and a file name without extension. */
  'popup/report': { request: { report: PageReport }; response: ExportedReport };
  /** A lookup query waiting for the popup (set by the context menu). */
  'popup/pendingQuery': { request: Record<string, never>; response: string | null };
  /** The fact or name a hover card's "open full view" asked for, taken once (then cleared). */
  'popup/openTarget': { request: Record<string, never>; response: OpenTarget | null };
};

/**
 * Pushed to open popups by the background (runtime.sendMessage, no reply expected): the page in
 * tab `tabId` changed state (scanning, ready, off), relayed from its content script's
 * `content/state`. The popup asks that page for its report again, once.
 */
export type ToPopup = {
  'popup/pageChanged': { request: { tabId: number; state: PageReport['state'] }; response: undefined };
  /** The facts of the claim in view on the page in `tabId` (a side panel follows it). */
  'popup/inView': { request: { tabId: number; ids: string[] }; response: undefined };
};

/**
 * The `popup/page` request for a page report (the facts its claims state, the names it shows),
 * or null when the report has nothing to summarise. One rule for the popup's refresh and the
 * background's `popup/start`.
 */
export function pageRequest(report: PageReport | null): PopupToBackground['popup/page']['request'] | null {
  if (!report || report.state === 'off' || !(report.claims.length || report.names.length)) return null;
  return { facts: [...new Set(report.claims.flatMap((c) => c.ids))], names: report.names.map((n) => n.id) };
}
