/**
 * Chrome's offscreen document: starts the indexer worker the service worker cannot start, and
 * relays the background's requests to it. It answers only messages under its own key, so it
 * never takes a reply meant for the background.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { INDEXER_RELAY, type IndexerReply, type RelayReply } from '../messaging/indexer-protocol.ts';

const worker = new Worker('indexer.js');
let nextId = 1;
const waiting = new Map<number, (reply: RelayReply) => void>();

worker.onmessage = (event: MessageEvent<IndexerReply>) => {
  const { id, ...reply } = event.data;
  waiting.get(id)?.(reply);
  waiting.delete(id);
};
worker.onerror = (event) => {
  for (const resolve of waiting.values())
    resolve({ ok: false, error: `the indexer stopped: ${event.message || 'unknown error'}` });
  waiting.clear();
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const m = message as Record<string, unknown> | null;
  if (m?.[INDEXER_RELAY] !== 1 || m.type !== 'sync' || sender.id !== browser.runtime.id) return undefined;
  const id = nextId++;
  return new Promise<RelayReply>((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, type: 'sync' });
  });
});
