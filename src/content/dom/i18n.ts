/** The extension's messages (src/locales/en/content.json); the key itself where no extension API exists (DOM tests). */
export function t(key: string, ...subs: (string | number)[]): string {
  const g = globalThis as unknown as {
    browser?: { i18n?: { getMessage(k: string, subs?: string[]): string } };
    chrome?: { i18n?: { getMessage(k: string, subs?: string[]): string } };
  };
  try {
    return (g.browser?.i18n ?? g.chrome?.i18n)?.getMessage(key, subs.map(String)) || key;
  } catch {
    return key;
  }
}
