/**
 * Chrome's offscreen document: starts the indexer worker the service worker cannot start, and
 * relays the background's requests to it. It answers only messages under its own key, so it
 * never takes a reply meant for the background.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { indexerClient } from '../messaging/indexer-client.ts';
import { INDEXER_RELAY } from '../messaging/indexer-protocol.ts';

const sync = indexerClient(() => new Worker('indexer.js'));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const m = message as Record<string, unknown> | null;
  if (m?.[INDEXER_RELAY] !== 1 || m.type !== 'sync' || sender.id !== browser.runtime.id) return undefined;
  return sync();
});
