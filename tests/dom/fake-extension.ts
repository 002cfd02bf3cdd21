/**
 * A stand-in for the extension around the content script, for tests/dom: a `chrome` global whose
 * runtime answers `content/setup` and `content/match` with the core page matcher over a test
 * index, exactly as src/background/handlers-content.ts does. Bundled by esbuild with the index
 * inlined, and injected into fixture pages before the real content-script bundle.
 */
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';

declare const __INDEX__: CorpusIndex;

const index = __INDEX__;
const matcher = createPageMatcher(index.matcher, index.facts);
const listeners: ((m: unknown, s: unknown, r: (x: unknown) => void) => unknown)[] = [];
const calls: string[] = [];

function answer(type: string, payload: { segments?: string[] }): unknown {
  calls.push(type);
  if (type === 'content/setup') return { enabled: true, indexed: true };
  if (type === 'content/match') {
    const out = { names: [] as unknown[], claims: [] as unknown[], ms: 0 };
    (payload.segments ?? []).forEach((text, i) => {
      const found = matchText(matcher, text);
      for (const n of found.names) out.names.push([i, n.start, n.end, n.entity]);
      for (const c of found.claims) out.claims.push([i, c.start, c.end, c.ids, c.status]);
    });
    return out;
  }
  if (type === 'content/card') return null;
  return false;
}

const runtime = {
  id: 'fake-extension',
  async sendMessage(message: { type: string; payload: { segments?: string[] } }) {
    if (!runtime.id) throw new Error('Extension context invalidated.');
    await new Promise((r) => setTimeout(r, 1));
    return { ok: true, value: answer(message.type, message.payload) };
  },
  onMessage: { addListener: (fn: (typeof listeners)[number]) => listeners.push(fn) },
};

Object.assign(globalThis, {
  chrome: {
    runtime,
    storage: { onChanged: { addListener() {} } },
    i18n: { getMessage: (k: string) => k },
  },
  crossreadFake: {
    calls,
    /** Simulates the extension being reloaded: the old content script's context is gone. */
    invalidate() {
      runtime.id = '';
    },
    /** Delivers a message as the popup would. */
    message(type: string, payload: unknown) {
      return new Promise((resolve) => {
        for (const l of listeners) l({ crossread: 1, type, payload }, { id: runtime.id }, resolve);
      });
    },
  },
});
