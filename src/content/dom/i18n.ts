/** The extension's messages (src/locales/en/content.json); the key itself where no extension API exists (DOM tests). */
export function t(key: string): string {
  const g = globalThis as unknown as {
    browser?: { i18n?: { getMessage(k: string): string } };
    chrome?: { i18n?: { getMessage(k: string): string } };
  };
  try {
    return (g.browser?.i18n ?? g.chrome?.i18n)?.getMessage(key) || key;
  } catch {
    return key;
  }
}
