/**
 * The fact or name a hover card's "open full view" asked for: the content handler sets it, then
 * opens the popup, which takes it once. Kept in memory: it only has to live for the next popup.
 */
import type { OpenTarget } from '../messaging/content-protocol.ts';

let target: OpenTarget | null = null;

export function setOpenTarget(next: OpenTarget | null): void {
  target = next;
}

export function takeOpenTarget(): OpenTarget | null {
  const taken = target;
  target = null;
  return taken;
}
