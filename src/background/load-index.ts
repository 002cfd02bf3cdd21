/**
 * Loads and validates the bundled index once per background lifetime. A broken index is reported
 * once (`crossread: …`) and kept as an error, so every caller gets the same clear answer and the
 * content script paints nothing.
 */
import browser from 'webextension-polyfill';
import type { CorpusIndex } from '../core/index/schema.ts';
import { parseIndex } from '../core/index/validate.ts';

export type Loaded = { index: CorpusIndex; error?: undefined } | { index: null; error: string };

let loading: Promise<Loaded> | undefined;

export function loadIndex(): Promise<Loaded> {
  loading ??= (async (): Promise<Loaded> => {
    try {
      const response = await fetch(browser.runtime.getURL('index.json'));
      if (!response.ok) throw new Error(`index.json could not be read (HTTP ${response.status})`);
      return { index: parseIndex(await response.text()) };
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      console.error(`crossread: ${message}`);
      return { index: null, error: message };
    }
  })();
  return loading;
}
