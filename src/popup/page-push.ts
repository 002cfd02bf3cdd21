/**
 * What tells an open popup that its page changed, as pushes instead of polling:
 *
 *   - `popup/pageChanged` from the background, which relays the content script's `content/state`
 *     (the page went scanning, ready or off: a rescan after the site switch, new content);
 *   - storage.sync `disabledSites` (the site switch, from this popup or any other), which the
 *     popup can show at once: "off" needs no report, and "on" shows "still being read" until the
 *     page's own push says it is ready.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { isEnvelope } from '../messaging/channel.ts';
import type { ToPopup } from '../messaging/popup-protocol.ts';

type PageChanged = ToPopup['popup/pageChanged']['request'];

/** Calls `fn` with the payload of every `type` push from the background (shape unchecked). */
export function onPush(type: keyof ToPopup, fn: (payload: unknown) => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only the background relays (it checked the content script's message); never a tab.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (isEnvelope(message) && message.type === type) fn(message.payload);
    // No reply: the background sends and forgets.
    return undefined;
  });
}

/** Calls `fn` for every page change the background pushes. */
export function onPageChanged(fn: (change: PageChanged) => void): void {
  onPush('popup/pageChanged', (payload) => {
    const change = payload as Partial<PageChanged> | null;
    if (typeof change?.tabId === 'number' && typeof change.state === 'string') fn(change as PageChanged);
  });
}

/** Calls `fn` with the new list whenever the hosts where crossread is off change. */
export function onDisabledSitesChanged(fn: (hosts: string[]) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes.disabledSites) return;
    const list = changes.disabledSites.newValue;
    fn(Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : []);
  });
}
