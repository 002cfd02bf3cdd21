/**
 * Pushes to open popups (`ToPopup`): runtime.sendMessage with no reply expected.
 */
import browser from 'webextension-polyfill';
import { envelope } from '../messaging/channel.ts';
import type { PageReport } from '../messaging/content-protocol.ts';
import type { ToPopup } from '../messaging/popup-protocol.ts';
import type { Envelope } from '../messaging/protocol.ts';

/**
 * Tells open popups that the page in `tabId` changed (see `popup/pageChanged`). Nobody may be
 * listening: then sendMessage rejects, and that is fine.
 */
export function pushPageChanged(tabId: number, state: PageReport['state']): void {
  const message: Envelope<ToPopup, 'popup/pageChanged'> = envelope('popup/pageChanged', { tabId, state });
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Tells open panels which claim is in view on the page in `tabId` (see `popup/inView`). */
export function pushInView(tabId: number, ids: string[]): void {
  const message: Envelope<ToPopup, 'popup/inView'> = envelope('popup/inView', { tabId, ids });
  browser.runtime.sendMessage(message).catch(() => undefined);
}
