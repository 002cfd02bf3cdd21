/**
 * Runs the indexer worker (indexer.js) for the background. Firefox's event page starts the
 * Worker itself; Chrome's service worker cannot, so it opens the offscreen document
 * (offscreen.html, reason WORKERS), which starts it and relays. Either way the build runs off the
 * background's thread: pages keep getting answers while the reader's corpus is indexed.
 */
import browser from 'webextension-polyfill';
import { indexerClient } from '../messaging/indexer-client.ts';
import { INDEXER_RELAY, type RelayReply, type SyncResult } from '../messaging/indexer-protocol.ts';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

// Firefox's event page starts the worker itself.
const syncDirect = indexerClient(() => new Worker(browser.runtime.getURL('indexer.js')));

let creating: Promise<void> | null = null;

async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: 'Indexes the articles the reader adds to crossread, in a worker.',
    })
    .catch((error: Error) => {
      // Two callers racing: the document is there, which is all that is needed.
      if (!/single offscreen|already/i.test(error.message)) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Brings the built shards up to date with the stored articles. */
export async function syncInWorker(): Promise<SyncResult> {
  let reply: RelayReply;
  if (typeof Worker !== 'undefined') reply = await syncDirect();
  else {
    const api = offscreenApi();
    if (!api) throw new Error('this browser can start no worker for the indexer');
    await ensureOffscreen(api);
    reply = (await browser.runtime.sendMessage({ [INDEXER_RELAY]: 1, type: 'sync' })) as RelayReply;
    if (!reply) throw new Error('the indexer did not answer');
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
