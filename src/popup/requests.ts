/** The popup's requests to the background: typed, and each card asked for once. */
import { sendToBackground } from '../messaging/channel.ts';
import type { PopupToBackground } from '../messaging/popup-protocol.ts';

export function send<K extends keyof PopupToBackground & string>(
  type: K,
  payload: PopupToBackground[K]['request'],
) {
  return sendToBackground<PopupToBackground, K>(type, payload);
}

export async function value<K extends keyof PopupToBackground & string>(
  type: K,
  payload: PopupToBackground[K]['request'],
): Promise<PopupToBackground[K]['response']> {
  const reply = await send(type, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Cards never change while the popup is open (one index): each is asked for once. */
const cards = new Map<string, Promise<unknown>>();
export function cardOf<K extends 'popup/fact' | 'popup/entity' | 'popup/source'>(
  type: K,
  id: string,
): Promise<PopupToBackground[K]['response']> {
  const key = `${type} ${id}`;
  let pending = cards.get(key) as Promise<PopupToBackground[K]['response']> | undefined;
  if (!pending) {
    pending = value(type, { id } as PopupToBackground[K]['request']);
    pending.catch(() => cards.delete(key));
    cards.set(key, pending);
  }
  return pending;
}
