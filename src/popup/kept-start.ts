/**
 * The popup's own read of what the background kept for it in storage.session
 * (src/messaging/kept-start.ts): the tab's settled page and the corpus overview. It needs no
 * background, so when the service worker is asleep the summary paints before the worker has
 * started; `popup/start` then confirms it.
 */
import type { Storage } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import {
  KEPT_OVERVIEW,
  KEPT_PENDING,
  type KeptPage,
  type KeptStart,
  keptPageKey,
} from '../messaging/kept-start.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import type { Overview } from '../messaging/popup-protocol.ts';

/**
 * The kept start for `tab` (a tab id, or the active tab of this window), or null when there is
 * none, a query or card waits for this popup (the background's answer decides then), or the
 * browser has no storage.session.
 */
export async function keptStart(tab: number | 'active' | null): Promise<KeptStart | null> {
  const area = (browser.storage as { session?: Storage.StorageArea }).session;
  if (!area || tab === null) return null;
  try {
    const tabId =
      tab === 'active' ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id : tab;
    if (typeof tabId !== 'number') return null;
    const key = keptPageKey(tabId);
    const got = await area.get([KEPT_OVERVIEW, KEPT_PENDING, key]);
    const overview = got[KEPT_OVERVIEW] as Overview | undefined;
    const page = got[key] as Partial<KeptPage> | undefined;
    const report = asPageReport(page?.report);
    if (got[KEPT_PENDING] || !overview || !Array.isArray(overview.sources) || !report) return null;
    return { tabId, overview, page: { report, view: page?.view ?? null } };
  } catch {
    return null;
  }
}
