/**
 * What the background keeps in `storage.session` for the popup's first paint, and the popup reads
 * there directly: that read needs no background, so a popup opened while the service worker is
 * asleep (Chromium stops it after 30 s idle) paints without waiting for it to start and load the
 * index. The popup still asks the background (`popup/start`) and repaints if the answer differs.
 */
import type { PageReport } from './content-protocol.ts';
import type { Overview, PageView } from './popup-protocol.ts';

export const KEPT_OVERVIEW = 'crossread:overview';
/** Set while a query or an open target waits for the next popup (context menu, hover card). */
export const KEPT_PENDING = 'crossread:pending';
export const keptPageKey = (tabId: number) => `crossread:page:${tabId}`;

/** A tab's page as the background last saw it settle. */
export interface KeptPage {
  report: PageReport;
  view: PageView | null;
}

/** What the popup needs to paint its summary without the background. */
export interface KeptStart {
  tabId: number;
  overview: Overview;
  page: KeptPage;
}
