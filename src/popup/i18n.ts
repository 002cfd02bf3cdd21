/**
 * Every popup string comes from _locales (src/locales/en/popup.json), through the browser's i18n.
 * A missing message shows its key in brackets, so a forgotten string is visible in the screenshots
 * and the tests rather than a blank.
 */
import browser from 'webextension-polyfill';

// getMessage crosses into the browser's bindings on every call; a summary asks for the same few
// strings hundreds of times, so each distinct call is answered once.
const cache = new Map<string, string>();

/** The message `key` with its placeholders filled in order of appearance. */
export function t(key: string, ...subs: (string | number)[]): string {
  const id = subs.length ? `${key}\u0000${subs.join('\u0000')}` : key;
  let message = cache.get(id);
  if (message === undefined) {
    message = browser.i18n.getMessage(key, subs.map(String)) || `[${key}]`;
    cache.set(id, message);
  }
  return message;
}

/** Picks `key_one` for 1 and `key_other` otherwise; the count is the first placeholder. */
export function tn(key: string, count: number, ...subs: (string | number)[]): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, count, ...subs);
}
