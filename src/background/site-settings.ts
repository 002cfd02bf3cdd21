/**
 * The per-site switch: the hosts where the reader turned crossread off, kept in
 * storage.sync so the choice follows the reader across browsers they sync.
 */
import browser from 'webextension-polyfill';

const KEY = 'disabledSites';

export async function disabledSites(): Promise<string[]> {
  const stored = (await browser.storage.sync.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSites()).includes(host);
}

/** The reader's display settings, in storage.sync beside the site list. */
export const MINIMAP_KEY = 'minimap';

/** Whether pages draw the conflict minimap: on unless the reader switched it off. */
export async function minimapOn(): Promise<boolean> {
  const stored = (await browser.storage.sync.get(MINIMAP_KEY))[MINIMAP_KEY];
  return stored !== false;
}
