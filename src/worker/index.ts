/**
 * The indexer worker (indexer.js): the same core build as `npm run index`, with wink-nlp's web
 * model, run off every page's main thread and off the background's. Started by the Firefox event
 * page, and by Chrome's offscreen document (a service worker cannot start a Worker). It reads
 * and writes the corpus database itself, so no article or index crosses a message.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { analyseWith, type Wink } from '../core/text/sentences.ts';
import type { IndexerReply, IndexerRequest } from '../messaging/indexer-protocol.ts';
import { syncCorpus } from './sync.ts';

let nlp: Wink | null = null;
const analyse = (text: string) => {
  nlp ??= winkNLP(model) as unknown as Wink;
  return analyseWith(nlp, text);
};

// Syncs run one after another: two at once would place the same new article twice.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<IndexerRequest>) => {
  const { id, type } = event.data ?? {};
  if (type !== 'sync' || typeof id !== 'number') return;
  queue = queue.then(async () => {
    let reply: IndexerReply;
    try {
      reply = { id, ok: true, result: await syncCorpus(analyse, () => new Date()) };
    } catch (error) {
      reply = { id, ok: false, error: String((error as Error)?.message ?? error) };
    }
    self.postMessage(reply);
  });
};
