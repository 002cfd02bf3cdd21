/**
 * Answers the popup from the loaded index. Owner: the popup work.
 * Popup messages come only from this extension's pages (see accept in ./index.ts); payloads are
 * still checked, so a bad call gets a clear error instead of a wrong answer.
 */

import browser from 'webextension-polyfill';
import {
  factsById,
  factsInvolving,
  type LookupTable,
  lookup,
  outletOf,
  prepareLookup,
  summarizeFact,
} from '../core/index/query.ts';
import { factRows } from '../core/index/query-fact-rows.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { type Handlers, sendToTab } from '../messaging/channel.ts';
import type { PageReport, PopupToContent } from '../messaging/content-protocol.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import {
  type Overview,
  type PageStart,
  type PopupToBackground,
  pageRequest,
} from '../messaging/popup-protocol.ts';
import { loadIndex, loadIndexNaming, loadIndexWithArticle } from './load-index.ts';
import { takeOpenTarget } from './open-target.ts';
import { cachedReport, keepAskedReport, keepOverview, setPending } from './page-reports.ts';
import { pageView, viewOfReport } from './page-view.ts';
import { takePendingQuery } from './pending-query.ts';
import { exportReport } from './report-export.ts';

function id(payload: unknown): string {
  const value = (payload as { id?: unknown } | null)?.id;
  if (typeof value !== 'string' || value.length > 200) throw new Error('bad payload: expected {id: string}');
  return value;
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 5000 || value.some((v) => typeof v !== 'string'))
    throw new Error('bad payload: expected an array of ids');
  return value as string[];
}

async function requireIndex(): Promise<CorpusIndex> {
  const loaded = await loadIndex();
  if (!loaded.index) throw new Error(loaded.error);
  return loaded.index;
}

function startTab(value: unknown): number | 'active' | null {
  if (value === 'active') return value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The popup's page at start, asked here so the popup's first paint needs one round trip: the
 * tab, its content script's report (no content script: null), and the summary's data.
 */
async function pageStart(tab: number | 'active' | null): Promise<PageStart> {
  let tabId: number | null = null;
  try {
    tabId =
      tab === 'active'
        ? ((await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null)
        : tab;
  } catch {
    tabId = null;
  }
  if (tabId === null) return { tabId, report: null, view: null, cached: false };
  // The report the page sent with its last state, else the page is asked (one hop more).
  let report: PageReport | null = (await cachedReport(tabId)) ?? null;
  const cached = report !== null;
  if (!report) {
    const reply = await sendToTab<PopupToContent, 'page/report'>(tabId, 'page/report', {});
    report = reply.ok && reply.value && typeof reply.value === 'object' ? reply.value : null;
  }
  if (!pageRequest(report)) return { tabId, report, view: null, cached };
  const loaded = await loadIndex();
  return { tabId, report, view: loaded.index ? viewOfReport(loaded.index, report) : null, cached };
}

// The lookup's folded words are built once per loaded index, on the first lookup.
let table: LookupTable | undefined;

/** The corpus overview (kept in storage.session too, for the popup's own first read). */
export async function overview(): Promise<Overview> {
  const loaded = await loadIndex();
  if (!loaded.index) {
    return {
      sources: [],
      entities: 0,
      facts: { corroborated: 0, conflict: 0, single: 0 },
      error: loaded.error,
    };
  }
  const { index } = loaded;
  const facts = { corroborated: 0, conflict: 0, single: 0 };
  for (const f of index.facts) facts[f.status]++;
  const result: Overview = {
    sources: index.sources.map(({ text: _t, sentences: _s, ...brief }) => brief),
    entities: index.entities.length,
    facts,
  };
  keepOverview(result);
  return result;
}

export const popupHandlers: Handlers<PopupToBackground> = {
  'popup/overview': overview,
  async 'popup/start'(payload) {
    const p = payload as { takeTarget?: unknown; tab?: unknown } | null;
    const page = pageStart(startTab(p?.tab));
    const query = takePendingQuery();
    const target = p?.takeTarget === true ? takeOpenTarget() : null;
    if (query || target) setPending(false);
    return { overview: await overview(), query, target, page: await page };
  },
  async 'popup/page'(payload) {
    const index = await requireIndex();
    return pageView(index, ids(payload?.facts), new Set(ids(payload?.names)));
  },
  async 'popup/keepReport'(payload) {
    const p = payload as { tabId?: unknown; report?: unknown } | null;
    const tabId = p?.tabId;
    if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0)
      throw new Error('bad payload: expected {tabId: number, report}');
    return keepAskedReport(tabId, asPageReport(p?.report));
  },
  async 'popup/fact'(payload) {
    const index = await requireIndex();
    const fact = factsById(index, [id(payload)])[0];
    if (!fact) return null;
    return {
      fact: summarizeFact(index, fact),
      rows: factRows(index, fact),
      entities: index.entities
        .filter((e) => fact.entities.includes(e.id))
        .map((e) => ({ id: e.id, name: e.name, type: e.type })),
    };
  },
  async 'popup/entity'(payload) {
    const index = await requireIndex();
    const entityId = id(payload);
    const entity = index.entities.find((e) => e.id === entityId);
    if (!entity) return null;
    const { aliases, ...rest } = entity;
    const outlet = (sid: string) => outletOf(index, sid);
    return {
      entity: rest,
      spellings: aliases.map((a) => {
        const sources = index.sources.filter((s) => a.sources.includes(s.id)).map((s) => s.id);
        return { text: a.text, outlets: sources.map(outlet), sources };
      }),
      facts: factsInvolving(index, entityId),
    };
  },
  async 'popup/lookup'(payload) {
    const asked = (payload as { query?: unknown } | null)?.query;
    if (typeof asked !== 'string') throw new Error('bad payload: expected {query: string}');
    const query = asked.slice(0, 200);
    // A large reader's corpus is held by story: the stories naming the query are read in first.
    const { index, error } = await loadIndexNaming(query);
    if (!index) throw new Error(error);
    if (table?.index !== index) table = prepareLookup(index);
    return lookup(table, query);
  },
  async 'popup/source'(payload) {
    const index = await requireIndex();
    const sourceId = id(payload);
    return index.sources.find((s) => s.id === sourceId) ?? null;
  },
  async 'popup/article'(payload) {
    const article = id(payload);
    const loaded = await loadIndexWithArticle(article);
    return loaded.index?.sources.find((s) => s.corpus === 'reader' && s.file === article)?.id ?? null;
  },
  'popup/report'(payload) {
    return exportReport(payload);
  },
  async 'popup/pendingQuery'() {
    return takePendingQuery();
  },
  async 'popup/openTarget'() {
    return takeOpenTarget();
  },
};
