/**
 * Answers extension pages about the reader's corpus: add the article in a tab, index what the
 * options page changed, switch the bundled corpus. Adds and changes run one at a time, in order.
 */
import type { Handlers } from '../messaging/channel.ts';
import type { CorpusToBackground } from '../messaging/corpus-protocol.ts';
import { addTabArticle, corpusChanged } from './add-article.ts';
import { setBundled } from './corpus-settings.ts';
import { overview } from './handlers-popup.ts';
import { reloadIndex } from './load-index.ts';

let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

export const corpusHandlers: Handlers<CorpusToBackground> = {
  'corpus/addTab'(payload) {
    const tabId = (payload as { tabId?: unknown })?.tabId;
    if (typeof tabId !== 'number' || !Number.isInteger(tabId)) throw new Error('bad payload');
    return addTabInTurn(tabId);
  },
  'corpus/changed'() {
    return inTurn(corpusChanged);
  },
  async 'corpus/setBundled'(payload) {
    const on = (payload as { on?: unknown })?.on;
    if (typeof on !== 'boolean') throw new Error('bad payload');
    await setBundled(on);
    await reloadIndex();
    await overview();
    return on;
  },
};

/** The add path of the context menu and the shortcut: the same as the popup's button. */
export function addTabInTurn(tabId: number) {
  return inTurn(() => addTabArticle(tabId));
}
