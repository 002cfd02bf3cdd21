/**
 * crossread's message protocol: one typed map per direction (CONVENTIONS.md 3).
 *
 * Each map is `{ [type]: { request; response } }`. `send` and `handle` (./channel.ts) are generic
 * over these maps, so a wrong payload is a type error. The maps themselves live beside the code
 * that owns them (content-protocol.ts, popup-protocol.ts) and are merged here.
 */
import type { BackgroundToContent, ContentToBackground, PopupToContent } from './content-protocol.ts';
import type { BackgroundToPage, CorpusToBackground } from './corpus-protocol.ts';
import type { PopupToBackground } from './popup-protocol.ts';

export type {
  BackgroundToContent,
  BackgroundToPage,
  ContentToBackground,
  CorpusToBackground,
  PopupToBackground,
  PopupToContent,
};

/** A message map: message type → request payload and response value. */
export type MessageMap = Record<string, { request: unknown; response: unknown }>;

/** Everything the background answers (from content scripts and from the popup). */
export type ToBackground = ContentToBackground & PopupToBackground & CorpusToBackground;

/** Everything a content script answers (from the background and from the popup). */
export type ToContent = BackgroundToContent & PopupToContent & BackgroundToPage;

/** The wire format of every message. */
export interface Envelope<M extends MessageMap, K extends keyof M = keyof M> {
  crossread: 1;
  type: K;
  payload: M[K]['request'];
}
