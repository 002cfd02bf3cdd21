/**
 * Every popup string comes from _locales (src/locales/en/popup.json), through the browser's i18n.
 * A missing message shows its key in brackets, so a forgotten string is visible in the screenshots
 * and the tests rather than a blank.
 */
import browser from 'webextension-polyfill';

/** The message `key` with its placeholders filled in order of appearance. */
export function t(key: string, ...subs: (string | number)[]): string {
  const message = browser.i18n.getMessage(key, subs.map(String));
  return message || `[${key}]`;
}

/** Picks `key_one` for 1 and `key_other` otherwise; the count is the first placeholder. */
export function tn(key: string, count: number, ...subs: (string | number)[]): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, count, ...subs);
}
