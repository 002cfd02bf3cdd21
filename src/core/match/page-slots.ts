/**
 * What a page sentence's slots say beyond what its words spell out, before it is compared with
 * the corpus: the channel an outlet the corpus knows stands for, a recording as a channel with no
 * place, and the roles its ranks rank people in.
 */
import type { SlotValue } from '../index/schema.ts';
import { type SentenceWork, slotsOf } from './lexical-links.ts';

/** The roles people are ranked in ("the first envoy" ranks a diplomat): the role is stated too. */
export function rankedRoles(slots: readonly SlotValue[]): string[] {
  const out: string[] = [];
  for (const s of slots)
    if (s.kind === 'ordinal' && s.key?.startsWith('ordinal:') && !s.key.startsWith('ordinal:post:'))
      out.push(s.key.slice(8));
  return out;
}

/**
 * A sentence that names an outlet the corpus knows as a channel names a channel, however it puts
 * it ("<outlet> reported that he confirmed it"): it gets that channel slot when it has none. An
 * outlet the page cites for what it reports ("…, said <outlet>") is the page's source, not a channel.
 */
export function namedChannel(
  channels: ReadonlyMap<string, string>,
  work: SentenceWork,
  entities: ReadonlySet<string>,
  cited: ReadonlySet<string>,
): void {
  const slots = slotsOf(work);
  if (slots.some((x) => x.kind === 'channel')) return;
  for (const e of entities) {
    const value = channels.get(e);
    if (!value || cited.has(e)) continue;
    slots.push({ kind: 'channel', key: 'channel', text: value, value, start: 0, end: work.text.length });
    return;
  }
}

/** "in a video released on Wednesday", "on an audio recording": a recording, wherever it was shown. */
const RECORDING =
  /\b(?:in|on|via|through)\s+(?:a|an)\s+(?:\p{Ll}+\s+)?(?:video|videotaped|audio|recorded)\b/u;

/**
 * A sentence that says he spoke in a recording says how he said it, without saying where: it gets
 * a channel slot with no value (so it links the fact of how he said it, and no value of it is
 * compared) when it has no channel of its own.
 */
export function recordedChannel(work: SentenceWork): void {
  const slots = slotsOf(work);
  if (slots.some((x) => x.kind === 'channel')) return;
  const m = RECORDING.exec(work.text);
  if (!m) return;
  slots.push({
    kind: 'channel',
    key: 'channel',
    text: m[0],
    value: '',
    start: m.index,
    end: m.index + m[0].length,
  });
}
