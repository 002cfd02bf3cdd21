/**
 * Options-page strings from _locales (src/locales/en/options.json). A missing message shows its
 * key in brackets, so a forgotten string is visible in screenshots and tests.
 */
import browser from 'webextension-polyfill';

export function t(key: string, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String)) || `[${key}]`;
}

/** Fills every `data-i18n` element's text. */
export function fillStrings(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t(el.dataset.i18n as string);
}
