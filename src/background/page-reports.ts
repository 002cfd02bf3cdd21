/**
 * The last report each tab's content script sent with its state (`content/state`), kept so the
 * popup's first paint needs no round trip to the page: in Firefox that hop (background → content
 * → background) was 30 of the popup's 46 ms to its first data.
 *
 * Kept twice: in memory for `popup/start`, and in `storage.session` with the summary's data and
 * the overview (src/messaging/kept-start.ts), which the popup reads itself, so it can paint while
 * the worker is still asleep. A report is only a head start: it is dropped when the tab starts
 * loading another page, closes, or scans again; the popup asks the page once after its first
 * paint and repaints if the page says otherwise (marks the page itself removed since).
 */
import type { Storage } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import type { PageReport } from '../messaging/content-protocol.ts';
import { KEPT_OVERVIEW, KEPT_PENDING, type KeptPage, keptPageKey } from '../messaging/kept-start.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import type { Overview } from '../messaging/popup-protocol.ts';
import { loadIndex } from './load-index.ts';
import { viewOfReport } from './page-view.ts';

const reports = new Map<number, PageReport>();

/** storage.session, where the browser has it (Chrome 102+, Firefox 115+); else nothing is kept there. */
function session(): Storage.StorageArea | undefined {
  return (browser.storage as { session?: Storage.StorageArea }).session;
}

/** Writes to storage.session and forgets failures: keeping is an optimisation, never a requirement. */
function keep(write: (area: Storage.StorageArea) => Promise<void>): Promise<void> {
  const area = session();
  return area ? write(area).catch(() => undefined) : Promise.resolve();
}

/** Keeps the tab's report and its summary's data; a scanning page has none worth keeping yet. */
export async function rememberReport(tabId: number, report: PageReport | null): Promise<void> {
  if (!report || report.state === 'scanning') {
    reports.delete(tabId);
    await keep((area) => area.remove(keptPageKey(tabId)));
    return;
  }
  reports.set(tabId, report);
  const loaded = await loadIndex();
  if (!loaded.index || reports.get(tabId) !== report) return;
  const kept: KeptPage = { report, view: viewOfReport(loaded.index, report) };
  await keep((area) => area.set({ [keptPageKey(tabId)]: kept }));
}

/**
 * The page, asked by a popup, said otherwise than the report kept for it: keep what it says now.
 * It only replaces a report kept for the same page, still the latest one (a state the page sent
 * meanwhile wins), and never with one still scanning.
 */
export async function keepAskedReport(tabId: number, report: PageReport | null): Promise<boolean> {
  if (!report || report.state === 'scanning') return false;
  const known = await cachedReport(tabId);
  if (!known || known.url !== report.url || reports.get(tabId) !== known) return false;
  await rememberReport(tabId, report);
  return true;
}

/**
 * The tab's last settled report, or undefined when the page must be asked. After a worker
 * restart the memory is empty, and storage.session still has it.
 */
export async function cachedReport(tabId: number): Promise<PageReport | undefined> {
  const known = reports.get(tabId);
  if (known) return known;
  const area = session();
  if (!area) return undefined;
  try {
    const key = keptPageKey(tabId);
    const kept = (await area.get(key))[key] as Partial<KeptPage> | undefined;
    const report = asPageReport(kept?.report);
    if (report) reports.set(tabId, report);
    return report ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the overview for the popup's own read (once per index load: it never changes). */
let overviewKept = false;
export function keepOverview(overview: Overview): void {
  if (overviewKept || overview.error) return;
  overviewKept = true;
  void keep((area) => area.set({ [KEPT_OVERVIEW]: overview }));
}

/**
 * Marks that a query or target waits for the next popup, so that popup does not paint the summary
 * from storage first. Not awaited by the caller: `action.openPopup()` must follow in the same
 * turn as the click (Firefox refuses it after an await), and storage writes keep their order.
 */
export function setPending(waiting: boolean): void {
  void keep((area) => (waiting ? area.set({ [KEPT_PENDING]: true }) : area.remove(KEPT_PENDING)));
}

/** Drops reports of tabs that load another page or close. Called once, at the worker's start. */
export function registerReportCleanup(): void {
  const forget = (tabId: number) => {
    reports.delete(tabId);
    void keep((area) => area.remove(keptPageKey(tabId)));
  };
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forget(tabId);
  });
  browser.tabs.onRemoved.addListener(forget);
}
