/**
 * The popup's link to the page it is about: which tab (`?tab=<id>` names it explicitly, which the
 * browser tests need because they open the popup in a tab of its own; otherwise the active tab),
 * the content script's report of what the page shows, and scrolling to a highlight.
 */
import browser from 'webextension-polyfill';
import { sendToTab } from '../messaging/channel.ts';
import type { PageReport, PopupToContent } from '../messaging/content-protocol.ts';

/** The tab the popup describes, or null when there is none it could talk to. */
export async function pageTabId(params: URLSearchParams): Promise<number | null> {
  const named = params.get('tab');
  if (named !== null) return /^\d{1,10}$/.test(named) ? Number(named) : null;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** The page's report, or null when no content script answers (browser pages, the popup's own tab). */
export async function pageReport(tabId: number | null): Promise<PageReport | null> {
  if (tabId === null) return null;
  const reply = await sendToTab<PopupToContent, 'page/report'>(tabId, 'page/report', {});
  return reply.ok && reply.value && typeof reply.value === 'object' ? reply.value : null;
}

/** Asks the page to scroll to the first highlight with `id` and flash it; false when it could not. */
export async function scrollPageTo(tabId: number | null, id: string): Promise<boolean> {
  if (tabId === null) return false;
  const reply = await sendToTab<PopupToContent, 'page/scrollTo'>(tabId, 'page/scrollTo', { id });
  return reply.ok && reply.value === true;
}

/** The host name of a page URL, or null for URLs without one. */
export function hostOf(url: string | undefined): string | null {
  try {
    const host = url ? new URL(url).hostname : '';
    return host || null;
  } catch {
    return null;
  }
}
