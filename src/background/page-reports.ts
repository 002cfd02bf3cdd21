/**
 * The last report each tab's content script sent with its state (`content/state`), kept so the
 * popup's `popup/start` can answer without asking the page: in Firefox that second hop
 * (background → content → background) was 30 of the popup's 46 ms to its first data.
 *
 * A report is only a head start: it is dropped when the tab starts loading another page, closes,
 * or goes back to scanning, and the worker may have been restarted and lost them all; the popup
 * then asks the page. The popup also asks the page once after its first paint and repaints if
 * the page says otherwise (marks the page itself removed since).
 */
import browser from 'webextension-polyfill';
import type { PageReport } from '../messaging/content-protocol.ts';

const reports = new Map<number, PageReport>();

/** Keeps the tab's report; a scanning page has none worth keeping yet. */
export function rememberReport(tabId: number, report: PageReport | null): void {
  if (report && report.state !== 'scanning') reports.set(tabId, report);
  else reports.delete(tabId);
}

/** The tab's last settled report, or undefined when the page must be asked. */
export function cachedReport(tabId: number): PageReport | undefined {
  return reports.get(tabId);
}

/** Drops reports of tabs that load another page or close. Called once, at the worker's start. */
export function registerReportCleanup(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') reports.delete(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));
}
