/**
 * "Open in side panel": the same views beside the page, staying open while the reader reads
 * (Chrome's side panel, Firefox's sidebar). Both browsers open it only from a user's action, so
 * it is called at once in the click, before anything is awaited.
 */
import browser from 'webextension-polyfill';
import { button } from '../dom.ts';
import { t } from '../i18n.ts';

type SidePanelApi = { sidePanel?: { open(options: { tabId: number }): Promise<void> } };

export function openPanelButton(tabId: number | null): HTMLElement | null {
  if (document.body.dataset.surface === 'panel') return null;
  const chrome = (globalThis as { chrome?: SidePanelApi }).chrome;
  const opens = chrome?.sidePanel
    ? tabId !== null
      ? () => chrome.sidePanel?.open({ tabId })
      : null
    : browser.sidebarAction
      ? () => browser.sidebarAction.open()
      : null;
  if (!opens) return null;
  return button(
    { class: 'link', id: 'open-panel' },
    () => {
      opens()
        ?.then(() => window.close())
        .catch((error: unknown) => console.error('crossread: the side panel did not open', error));
    },
    t('popupOpenPanel'),
  );
}
