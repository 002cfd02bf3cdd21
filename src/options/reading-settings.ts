/**
 * The options page's reading settings, gathered from where they were scattered: the conflict
 * minimap, the sites where the reader switched crossread off (the popup's per-site switch, kept
 * in storage.sync), and the keyboard shortcuts, with the way to the browser's own page for
 * changing them. Every list follows storage changes made elsewhere (a popup, another window).
 */
import browser from 'webextension-polyfill';
import { t } from './i18n.ts';

const SITES = 'disabledSites';
const MINIMAP = 'minimap';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function sites(): Promise<string[]> {
  const list = (await browser.storage.sync.get(SITES))[SITES];
  return Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [];
}

function renderSites(hosts: string[]): void {
  const list = $<HTMLUListElement>('site-list');
  list.replaceChildren(
    ...hosts.map((host) => {
      const li = document.createElement('li');
      li.dataset.host = host;
      const on = document.createElement('button');
      on.type = 'button';
      on.textContent = t('optionsSiteOn');
      on.setAttribute('aria-label', t('optionsSiteOnLabel', host));
      on.addEventListener('click', async () => {
        await browser.storage.sync.set({ [SITES]: (await sites()).filter((h) => h !== host) });
      });
      li.append(host, ' ', on);
      return li;
    }),
  );
  $('site-empty').hidden = hosts.length > 0;
}

async function renderShortcuts(): Promise<void> {
  const list = $<HTMLUListElement>('shortcut-list');
  const commands = await browser.commands.getAll();
  list.replaceChildren(
    ...commands
      .filter((c) => c.description)
      .map((c) => {
        const li = document.createElement('li');
        const key = document.createElement('kbd');
        key.textContent = c.shortcut || t('optionsShortcutNone');
        li.append(key, ' ', c.description ?? '');
        return li;
      }),
  );
}

/** Opens the browser's own page for changing extension shortcuts. */
async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export async function bindReadingSettings(): Promise<void> {
  const minimap = $<HTMLInputElement>('minimap');
  minimap.checked = (await browser.storage.sync.get(MINIMAP))[MINIMAP] !== false;
  minimap.addEventListener('change', () => void browser.storage.sync.set({ [MINIMAP]: minimap.checked }));
  $('shortcut-settings').addEventListener('click', () => {
    openShortcutSettings().catch(() => {
      $('shortcut-hint').hidden = false;
    });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    if (changes[SITES]) void sites().then(renderSites);
    if (changes[MINIMAP]) minimap.checked = changes[MINIMAP].newValue !== false;
  });
  renderSites(await sites());
  await renderShortcuts();
}
