/**
 * Typed send/handle over webextension-polyfill. Replies are always a Result: a handler that throws
 * or an unknown message becomes `{ ok: false, error }`, never an uncaught error in the receiver.
 */

import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import type { Envelope, MessageMap } from './protocol.ts';
import { fail, ok, type Result } from './result.ts';

export type Handlers<M extends MessageMap> = {
  [K in keyof M]: (
    payload: M[K]['request'],
    sender: Runtime.MessageSender,
  ) => M[K]['response'] | Promise<M[K]['response']>;
};

/** Builds the envelope; kept separate so tests can craft malformed ones. */
export function envelope<M extends MessageMap, K extends keyof M & string>(
  type: K,
  payload: M[K]['request'],
): Envelope<M, K> {
  return { crossread: 1, type, payload };
}

function asResult<T>(reply: unknown): Result<T> {
  if (reply && typeof reply === 'object' && 'ok' in reply) return reply as Result<T>;
  return fail('no reply');
}

/** Sends to the extension's background (from content scripts and extension pages). */
export async function sendToBackground<M extends MessageMap, K extends keyof M & string>(
  type: K,
  payload: M[K]['request'],
): Promise<Result<M[K]['response']>> {
  try {
    return asResult(await browser.runtime.sendMessage(envelope<M, K>(type, payload)));
  } catch (error) {
    return fail(String((error as Error)?.message ?? error));
  }
}

/** Sends to the content script of one tab (from the background and the popup). */
export async function sendToTab<M extends MessageMap, K extends keyof M & string>(
  tabId: number,
  type: K,
  payload: M[K]['request'],
): Promise<Result<M[K]['response']>> {
  try {
    return asResult(await browser.tabs.sendMessage(tabId, envelope<M, K>(type, payload)));
  } catch (error) {
    return fail(String((error as Error)?.message ?? error));
  }
}

/** True for a message shaped like one of ours; anything else is ignored or refused. */
export function isEnvelope(message: unknown): message is { crossread: 1; type: string; payload: unknown } {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as { crossread?: unknown }).crossread === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/**
 * Dispatches one received message to its handler. `accept` decides whether this sender may send
 * this type at all (the background checks `sender.id`, and that page-only messages come from tabs).
 */
export async function dispatch<M extends MessageMap>(
  handlers: Partial<Handlers<M>>,
  message: unknown,
  sender: Runtime.MessageSender,
  accept: (type: string, sender: Runtime.MessageSender) => boolean = () => true,
): Promise<Result<unknown>> {
  if (!isEnvelope(message)) return fail('malformed message');
  if (!Object.hasOwn(handlers, message.type))
    return fail(`unknown message type: ${message.type.slice(0, 60)}`);
  if (!accept(message.type, sender)) return fail(`message ${message.type} refused from this sender`);
  const handler = handlers[message.type as keyof M] as
    | ((payload: unknown, sender: Runtime.MessageSender) => unknown)
    | undefined;
  if (!handler) return fail(`unknown message type: ${message.type.slice(0, 60)}`);
  try {
    return ok(await handler(message.payload, sender));
  } catch (error) {
    return fail(String((error as Error)?.message ?? error));
  }
}

/**
 * Registers `handlers` on runtime.onMessage. Every message gets a Result: a
 * non-envelope is answered `{ok:false, error:'malformed message'}` rather than left hanging.
 * runtime.onMessage only carries messages from this extension's own contexts (other extensions
 * arrive on onMessageExternal, which crossread does not listen to), and the background is the
 * only extension page that listens, so answering everything cannot steal another listener's reply.
 */
export function listen<M extends MessageMap>(
  handlers: Partial<Handlers<M>>,
  accept?: (type: string, sender: Runtime.MessageSender) => boolean,
): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> =>
    dispatch(handlers, message, sender, accept);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
