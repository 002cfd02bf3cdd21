/**
 * Messaging for the content script without webextension-polyfill (10 KB the page does not need:
 * Firefox's `browser` and Chrome's MV3 `chrome` both return promises from sendMessage). Same
 * envelope and Result replies as src/messaging/channel.ts, so the background cannot tell the
 * difference.
 */
import type { MessageMap } from '../../messaging/protocol.ts';
import type { Result } from '../../messaging/result.ts';

interface Sender {
  id?: string;
}
interface RuntimeApi {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      fn: (message: unknown, sender: Sender, respond: (r: unknown) => void) => boolean | undefined,
    ): void;
  };
}
interface StorageApi {
  onChanged: {
    addListener(fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

function api(): { runtime?: RuntimeApi; storage?: StorageApi } | undefined {
  const g = globalThis as unknown as {
    browser?: { runtime?: RuntimeApi; storage?: StorageApi };
    chrome?: { runtime?: RuntimeApi; storage?: StorageApi };
  };
  return g.browser?.runtime ? g.browser : g.chrome;
}

/** True while this script's extension context is alive (false once the extension reloads or updates). */
export function alive(): boolean {
  try {
    return !!api()?.runtime?.id;
  } catch {
    return false;
  }
}

export function runtimeId(): string | undefined {
  return alive() ? api()?.runtime?.id : undefined;
}

/** Sends one typed message to the background; every failure comes back as `{ ok: false }`. */
export async function send<M extends MessageMap, K extends keyof M & string>(
  type: K,
  payload: M[K]['request'],
): Promise<Result<M[K]['response']>> {
  try {
    const reply = (await api()?.runtime?.sendMessage({ crossread: 1, type, payload })) as Result<
      M[K]['response']
    >;
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : { ok: false, error: 'no reply' };
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

type Handler = (payload: unknown) => unknown;

/** Answers envelopes from this extension only (the popup, the background's shortcuts). */
export function listen(handlers: Record<string, Handler>): void {
  api()?.runtime?.onMessage.addListener((message, sender, respond) => {
    const m = message as { crossread?: unknown; type?: unknown; payload?: unknown } | null;
    if (m?.crossread !== 1 || typeof m.type !== 'string' || !Object.hasOwn(handlers, m.type))
      return undefined;
    if (sender.id !== runtimeId()) return undefined;
    Promise.resolve()
      .then(() => (handlers[m.type as string] as Handler)(m.payload))
      .then(
        (value) => respond({ ok: true, value }),
        (error) => respond({ ok: false, error: String((error as Error)?.message ?? error) }),
      );
    return true;
  });
}

/** storage.onChanged, where the API exists. */
export function onStorageChanged(
  fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
): void {
  api()?.storage?.onChanged.addListener(fn);
}
