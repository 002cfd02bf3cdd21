/**
 * What an add from the page's context menu or the keyboard shortcut says, where the reader is
 * looking: the toolbar button of that tab shows a mark for a few seconds ("+" added, "=" already
 * there, "!" not added) and its tooltip says what happened, in the popup's own words.
 */
import browser from 'webextension-polyfill';
import type { AddedArticle } from '../messaging/corpus-protocol.ts';
import { addTabInTurn } from './handlers-corpus.ts';

/** Long enough to be seen after a key press; short enough not to be mistaken for page state. */
const SHOWN_MS = 6000;

function said(outcome: AddedArticle | Error): { text: string; color: string; title: string } {
  const msg = (key: string, subs?: string[]) => browser.i18n.getMessage(key, subs);
  if (outcome instanceof Error)
    return { text: '!', color: '#b3261e', title: msg('popupAddFailed', [outcome.message]) };
  if (!outcome.added) return { text: '=', color: '#5f6368', title: msg('popupAddKnown') };
  return {
    text: '+',
    color: '#1e6b3a',
    title: msg('popupAdded', [
      String(outcome.facts),
      String(outcome.articles),
      (outcome.ms / 1000).toFixed(1),
    ]),
  };
}

async function show(tabId: number, outcome: AddedArticle | Error): Promise<void> {
  const { text, color, title } = said(outcome);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title });
  } catch {
    return; // the tab closed meanwhile
  }
  setTimeout(() => {
    void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    void browser.action
      .setTitle({ tabId, title: browser.i18n.getMessage('actionTitle') })
      .catch(() => undefined);
  }, SHOWN_MS);
}

/** Adds the tab's article and says how it went on the tab's toolbar button; null when not added. */
export async function addWithFeedback(tabId: number): Promise<AddedArticle | null> {
  try {
    const added = await addTabInTurn(tabId);
    await show(tabId, added);
    return added;
  } catch (error) {
    await show(tabId, error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}
