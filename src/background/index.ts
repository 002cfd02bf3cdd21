/**
 * The background (service worker in Chrome, event page in Firefox): holds the index and answers
 * typed messages from content scripts and the popup. Every message is checked: it must come from
 * this extension (sender.id), page messages from a tab, popup messages from an extension page.
 */

import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { listen } from '../messaging/channel.ts';
import type { ToBackground } from '../messaging/protocol.ts';
import { registerCommands, runCommand } from './commands.ts';
import { onContextMenuClick, registerContextMenu } from './context-menu.ts';
import { contentHandlers } from './handlers-content.ts';
import { addTabInTurn, corpusHandlers } from './handlers-corpus.ts';
import { overview, popupHandlers } from './handlers-popup.ts';
import { loadIndex } from './load-index.ts';
import { registerReportCleanup } from './page-reports.ts';

const handlers = { ...contentHandlers, ...popupHandlers, ...corpusHandlers };

function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export function accept(type: string, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (type.startsWith('content/')) return sender.tab !== undefined;
  if (type.startsWith('popup/') || type.startsWith('corpus/'))
    return fromExtensionPage(sender) && !sender.tab?.url?.startsWith('http');
  return false;
}

listen<ToBackground>(handlers, accept);
registerContextMenu();
registerCommands();
registerReportCleanup();
// The index is parsed at once, and the overview kept for a popup's first read (./page-reports.ts).
void loadIndex().then(() => overview());

// The worker's global is reachable only from the extension itself (and from a test driving the
// browser); the context-menu and shortcut paths cannot be clicked in a headless browser, so the
// browser tests call the very functions the listeners call.
Object.assign(globalThis, { crossreadTest: { onContextMenuClick, runCommand, addTabInTurn } });
