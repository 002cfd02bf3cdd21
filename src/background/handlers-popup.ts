/**
 * Answers the popup. Owner: the popup work (issue 5).
 */
import type { Handlers } from '../messaging/channel.ts';
import type { PopupToBackground } from '../messaging/popup-protocol.ts';
import { loadIndex } from './load-index.ts';
import { takePendingQuery } from './pending-query.ts';

export const popupHandlers: Handlers<PopupToBackground> = {
  async 'popup/overview'() {
    const loaded = await loadIndex();
    if (!loaded.index) {
      return {
        sources: [],
        entities: 0,
        facts: { corroborated: 0, conflict: 0, single: 0 },
        error: loaded.error,
      };
    }
    const { index } = loaded;
    const facts = { corroborated: 0, conflict: 0, single: 0 };
    for (const f of index.facts) facts[f.status]++;
    return {
      sources: index.sources.map(({ text: _t, sentences: _s, ...brief }) => brief),
      entities: index.entities.length,
      facts,
    };
  },
  async 'popup/facts'() {
    return [];
  },
  async 'popup/entity'() {
    return null;
  },
  async 'popup/lookup'() {
    return { entities: [], facts: [] };
  },
  async 'popup/source'() {
    return null;
  },
  async 'popup/leftOut'() {
    return [];
  },
  async 'popup/pendingQuery'() {
    return takePendingQuery();
  },
};
