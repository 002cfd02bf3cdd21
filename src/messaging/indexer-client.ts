/**
 * The one way crossread talks to its indexer worker, from Firefox's event page and from Chrome's
 * offscreen document alike: the worker is started on the first request (and again after it
 * died), and each reply is matched to its request by id.
 */
import type { IndexerReply, RelayReply } from './indexer-protocol.ts';

/** A function that asks the worker for one sync and resolves with its reply. */
export function indexerClient(start: () => Worker): () => Promise<RelayReply> {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, (reply: RelayReply) => void>();
  const connect = (): Worker => {
    const w = start();
    w.onmessage = (event: MessageEvent<IndexerReply>) => {
      const { id, ...reply } = event.data;
      waiting.get(id)?.(reply);
      waiting.delete(id);
    };
    w.onerror = (event) => {
      const error = `the indexer stopped: ${event.message || 'unknown error'}`;
      for (const resolve of waiting.values()) resolve({ ok: false, error });
      waiting.clear();
      worker = null;
    };
    return w;
  };
  return () =>
    new Promise<RelayReply>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker ??= connect();
      worker.postMessage({ id, type: 'sync' });
    });
}
