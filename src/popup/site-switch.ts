/**
 * The per-site switch: the popup writes storage.sync `disabledSites` (an array of
 * hostnames, the format src/background/site-settings.ts reads); the content script listens for
 * the change and paints or clears the page itself.
 */
import browser from 'webextension-polyfill';

const KEY = 'disabledSites';

/** The hosts where the reader switched crossread off. */
export async function disabledSites(): Promise<string[]> {
  const stored = (await browser.storage.sync.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
}

/** Switches crossread on or off for `host`, keeping every other host's choice. */
export async function setEnabled(host: string, enabled: boolean): Promise<void> {
  const others = (await disabledSites()).filter((h) => h !== host);
  await browser.storage.sync.set({ [KEY]: enabled ? others : [...others, host] });
}
