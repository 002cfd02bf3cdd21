/**
 * Runs the indexer worker (indexer.js) for the background. Firefox's event page starts the
 * Worker itself; Chrome's service worker cannot, so it opens the offscreen document
 * (offscreen.html, reason WORKERS), which starts it and relays. Either way the build runs off the
 * background's thread: pages keep getting answers while the reader's corpus is indexed.
 */
import browser from 'webextension-polyfill';
import type { IndexerReply } from '../messaging/indexer-protocol.ts';
import { INDEXER_RELAY, type RelayReply, type SyncResult } from '../messaging/indexer-protocol.ts';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: IndexerReply) => void>();

function directWorker(): Worker {
  if (!worker) {
    worker = new Worker(browser.runtime.getURL('indexer.js'));
    worker.onmessage = (event: MessageEvent<IndexerReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      const error = `the indexer stopped: ${event.message || 'unknown error'}`;
      for (const [id, resolve] of waiting) resolve({ id, ok: false, error });
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

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
  let reply: IndexerReply;
  if (typeof Worker !== 'undefined') {
    const id = nextId++;
    reply = await new Promise<IndexerReply>((resolve) => {
      waiting.set(id, resolve);
      directWorker().postMessage({ id, type: 'sync' });
    });
  } else {
    const api = offscreenApi();
    if (!api) throw new Error('this browser can start no worker for the indexer');
    await ensureOffscreen(api);
    const relayed = (await browser.runtime.sendMessage({ [INDEXER_RELAY]: 1, type: 'sync' })) as RelayReply;
    if (!relayed) throw new Error('the indexer did not answer');
    reply = { id: 0, ...relayed } as IndexerReply;
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
