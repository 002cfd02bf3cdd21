/**
 * Answers the content script. Owner: the content-script work (issue 4).
 * Payloads come from pages' content scripts and are checked before use (issue 6.6).
 */
import type { Handlers } from '../messaging/channel.ts';
import type { ContentToBackground, EntityBrief, FactBrief } from '../messaging/content-protocol.ts';
import { loadIndex } from './load-index.ts';
import { isSiteEnabled } from './site-settings.ts';

function text(value: unknown, max = 300): string {
  if (typeof value !== 'string' || value.length > max) throw new Error('bad payload');
  return value;
}

export const contentHandlers: Handlers<ContentToBackground> = {
  async 'content/setup'(payload) {
    const host = text((payload as { host?: unknown })?.host);
    const enabled = await isSiteEnabled(host);
    const loaded = await loadIndex();
    if (!loaded.index) return { enabled, matcher: null, facts: [], entities: [], error: loaded.error };
    const { index } = loaded;
    const facts: FactBrief[] = index.facts.map((f) => ({
      id: f.id,
      status: f.status,
      label: f.label,
      sources: new Set(f.members.map((m) => m.source)).size,
    }));
    const entities: EntityBrief[] = index.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
    return { enabled, matcher: index.matcher, facts, entities };
  },
  async 'content/card'() {
    return null;
  },
  async 'content/open'() {
    return false;
  },
};
