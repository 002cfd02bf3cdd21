/**
 * The side panel follows the page: the active tab of its window (switching tabs), the tab's
 * navigations (a new page loads), and the claim in view on the page (`popup/inView`). The popup
 * needs none of it: it closes when the reader clicks into the page.
 *
 * The panel may also be opened as a page of its own (a tab, as the tests open it): then it
 * follows whichever tab is activated, except itself.
 */
import browser from 'webextension-polyfill';
import type { ToPopup } from '../messaging/popup-protocol.ts';
import { onPush } from './page-push.ts';

export interface Follow {
  /** Another tab became the active one. */
  tab(tabId: number): void;
  /** A tab started loading a new page. */
  loading(tabId: number): void;
  /** The facts of the claim in view on the page in `tabId`. */
  inView(tabId: number, ids: string[]): void;
}

export async function followTabs(follow: Follow): Promise<void> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const win = own ? null : ((await browser.windows.getCurrent().catch(() => null))?.id ?? null);
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (tabId === own?.id || (win !== null && windowId !== win)) return;
    follow.tab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && tabId !== own?.id) follow.loading(tabId);
  });
  onPush('popup/inView', (payload) => {
    const p = payload as Partial<ToPopup['popup/inView']['request']> | null;
    if (typeof p?.tabId === 'number' && Array.isArray(p.ids))
      follow.inView(
        p.tabId,
        p.ids.filter((id): id is string => typeof id === 'string'),
      );
  });
}

/** Which claims of the panel's list the page shows now: marked, and kept in view in the panel. */
export function markInView(ids: string[]): void {
  const wanted = new Set(ids);
  let first: HTMLElement | null = null;
  for (const item of document.querySelectorAll<HTMLElement>('#claims [data-fact]')) {
    const on = wanted.has(item.dataset.fact ?? '');
    item.classList.toggle('in-view', on);
    if (on) item.setAttribute('aria-current', 'location');
    else item.removeAttribute('aria-current');
    first ??= on ? item : null;
  }
  first?.scrollIntoView({ block: 'nearest' });
}
