/**
 * "Cross-check with crossread" on selected text: opens the popup's lookup with the
 * selection. `action.openPopup()` works from this user gesture in current Chrome and Firefox;
 * where it is refused, the lookup opens in a tab instead, so the click is never lost.
 */

import type { Menus, Tabs } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { addWithFeedback } from './add-feedback.ts';
import { setPending } from './page-reports.ts';
import { setPendingQuery, takePendingQuery } from './pending-query.ts';

export const MENU_ID = 'crossread-cross-check';
export const ADD_MENU_ID = 'crossread-add-article';

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('contextMenuCrossCheck'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: ADD_MENU_ID,
        title: browser.i18n.getMessage('contextMenuAddArticle'),
        contexts: ['page'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onContextMenuClick(info, tab);
  });
}

/** What a click on the menu item does; also reachable from tests through the worker's global. */
export async function onContextMenuClick(
  info: Pick<Menus.OnClickData, 'menuItemId' | 'selectionText'>,
  tab?: Tabs.Tab,
) {
  if (info.menuItemId === ADD_MENU_ID && tab?.id !== undefined) {
    const added = await addWithFeedback(tab.id);
    return added === null ? 'failed' : added.added ? 'added' : 'known';
  }
  if (info.menuItemId !== MENU_ID || !info.selectionText) return 'ignored';
  setPendingQuery(info.selectionText);
  setPending(true);
  try {
    await browser.action.openPopup();
    return 'popup';
  } catch {
    takePendingQuery();
    setPending(false);
    await browser.tabs.create({
      url: browser.runtime.getURL(`popup.html?q=${encodeURIComponent(info.selectionText.slice(0, 200))}`),
    });
    return 'tab';
  }
}
