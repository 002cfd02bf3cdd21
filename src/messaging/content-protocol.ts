/**
 * Messages between the content script and the rest of the extension.
 * Owner: the content-script work. Content scripts run beside hostile pages, so the
 * background validates every payload of ContentToBackground before using it.
 */
import type { FactStatus } from '../core/index/schema.ts';

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

/** The kinds of highlight a screen reader hears a description of (aria-describedby). */
export type DescriptionKind = 'name' | 'conflict' | 'corroborated' | 'single';

/** Each description's message in _locales (src/locales/en/content.json). */
export const DESCRIPTION_MESSAGES: Record<DescriptionKind, string> = {
  name: 'contentDescName',
  conflict: 'contentDescConflict',
  corroborated: 'contentDescCorroborated',
  single: 'contentDescSingle',
};

/** What a content script needs before it scans a page. */
export interface PageSetup {
  /** False when the reader switched crossread off for this site. */
  enabled: boolean;
  /** False when the index could not be loaded; then `error` says why and nothing is painted. */
  indexed: boolean;
  error?: string;
  /**
   * The highlight descriptions, read by the background: four `i18n.getMessage` calls in the page
   * cost 0.45 ms of a 4 ms scan there (profiled, Chromium), on the page's own thread.
   */
  descriptions?: Record<DescriptionKind, string>;
  /** Whether the conflict minimap is drawn (the reader's setting). */
  minimap?: boolean;
}

/**
 * Matches found in a batch of page segments (the text of consecutive nodes of one block), as
 * offsets into each segment. Compact tuples: a 5 MB page sends thousands of them.
 */
export interface SegmentMatches {
  /** [segment index, start, end, entity id] */
  names: [number, number, number, string][];
  /** [segment index, start, end, fact ids, status on this page] */
  claims: [number, number, number, string[], FactStatus][];
  /** Background time spent matching (ms), for the bench. */
  ms: number;
}

/** What the page shows, as the popup needs it. */
export interface PageReport {
  state: 'scanning' | 'ready' | 'off' | 'error' | 'not-article';
  url: string;
  /** The document's title (the report's heading). */
  title?: string;
  names: { id: string; count: number }[];
  claims: { ids: string[]; status: FactStatus; text: string }[];
  error?: string;
}

/** A hover card for a name: how each source spells it. */
export interface NameCard {
  kind: 'name';
  id: string;
  name: string;
  type: string;
  /** Each spelling with the sources that use it. */
  spellings: { text: string; outlets: string[] }[];
}

/** One source's words for a fact in a claim card; `bold` are the differing values, as offsets in `text`. */
export interface CardLine {
  outlet: string;
  text: string;
  stance: string;
  bold: { start: number; end: number }[];
  /** Whom the source attributes it to, and each value it attributes to someone else ("10,000 — <agency>"). */
  attribution?: string;
}

/** A hover card for a claim: one block per fact the sentence states. */
export interface ClaimCard {
  kind: 'claim';
  facts: {
    id: string;
    label: string;
    status: FactStatus;
    lines: CardLine[];
    /** Distinct sources and distinct reports (sources printing one wire story are one report). */
    sources?: number;
    reports?: number;
    /** The reports several sources print: the credit they give (null: none) and those sources. */
    copies?: { credit: string | null; outlets: string[] }[];
    /** How its values followed each other in reports made at different times. */
    timeline?: { kind: 'updated' | 'timeline'; steps: { text: string; time: string; outlets: string[] }[] };
  }[];
}

export type CardData = NameCard | ClaimCard;

/** What the hover card's button asks the popup to show (the popup reads it with `takeOpenTarget`). */
export interface OpenTarget {
  kind: 'name' | 'claim';
  id: string;
}

export type ContentToBackground = {
  /** Asked once per page: whether the site is enabled and the index is loaded. */
  'content/setup': { request: { host: string }; response: PageSetup };
  /**
   * Page text → names and claims, matched by the core page matcher in the background: the page
   * never receives the index, and the matching runs off the page's main thread.
   */
  'content/match': { request: { segments: string[] }; response: SegmentMatches };
  /** Card data for a hover card, fetched on demand (the content script never holds the full index). */
  'content/card': { request: { kind: 'name' | 'claim'; ids: string[] }; response: CardData | null };
  /** Opens the popup's full view of a fact or name (the hover card's button). */
  'content/open': { request: OpenTarget; response: boolean };
  /**
   * The page's state changed (`html[data-crossread-state]`: scanning, ready, off). The background
   * relays it to open popups (`popup/pageChanged`), so they refresh without polling. A settled
   * state carries the page's report, which the background keeps for the popup's first paint.
   */
  /** The facts of the claim in view (a side panel follows the page); relayed as `popup/inView`. */
  'content/inView': { request: { ids: string[] }; response: boolean };
  'content/state': {
    request: { state: 'scanning' | 'ready' | 'off'; report?: PageReport };
    response: boolean;
  };
};

export type BackgroundToContent = {
  /** From the keyboard shortcuts: jump to the next or previous conflict. */
  'page/jump': { request: { direction: 1 | -1 }; response: boolean };
};

export type PopupToContent = {
  'page/report': { request: Record<string, never>; response: PageReport };
  /** Scrolls to the first highlight carrying this id and flashes it. */
  'page/scrollTo': { request: { id: string }; response: boolean };
  /** A side panel shows this page: tell it, from now on, which claim is in view (`content/inView`). */
  'page/follow': { request: Record<string, never>; response: boolean };
};
