/**
 * Claim slots: the comparable values a sentence states. Numbers with modifier, unit
 * and predicate ("just under 13,000 … killed"), durations ("16-month uprising"), ordinals and
 * ranks ("first" / "second senior diplomat"), days (relative days resolved against the
 * article's date when known), quotes with their speaker, and the channel of a statement
 * ("video message on YouTube" vs "statement to the BBC", "told Nordpress").
 *
 * Pure regular expressions over generic English: runs unchanged in the page. Each kind of value
 * has its module (slot-numbers, slot-dates, slot-speech); ranks are read here.
 */

import { stem } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';
import { daySlots, fullDates, parsePublished } from './slot-dates.ts';
import { quantities, TIME_UNITS } from './slot-numbers.ts';
import { origins } from './slot-origin.ts';
import { sequences } from './slot-sequence.ts';
import { channels, quotes, responses } from './slot-speech.ts';

/** Context for resolving relative dates. */
export interface SlotContext {
  /** The article's ISO date (YYYY-MM-DD), when known. */
  published?: string | null;
}

const ORDINALS: Record<string, string> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
  last: 'last',
  latest: 'latest',
};
const ORDINAL =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|latest|\d+(?:st|nd|rd|th)|highest[- ]ranking|top[- ]ranking|most[- ]senior|most[- ]prominent|highest[- ]profile|most[- ]high[- ]profile)\s+(?:of\s+(?:any|all|the|its|their)\s+)?((?:[\p{Ll}][\p{L}-]*\s+){0,2}[\p{Ll}][\p{L}-]*)/giu;

function ordinals(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  for (const m of sentence.matchAll(ORDINAL)) {
    const start = m.index ?? 0;
    const rawRank = (m[1] as string).toLowerCase();
    const words = (m[2] as string).split(/\s+/);
    // The noun phrase ends at the first function word: "first senior diplomat to desert".
    const phrase: string[] = [];
    for (const w of words) {
      if (
        /^(?:to|of|in|on|at|by|for|from|with|since|after|before|during|until|than|as|ever|was|is|are|were|has|had|have|be|been|so|that|who|and|or|time|the|a|an)$/.test(
          w,
        )
      )
        break;
      phrase.push(w);
    }
    if (phrase.length === 0) continue;
    const head = stem((phrase[phrase.length - 1] as string).toLowerCase());
    // "last week", "first night": time expressions, not ranks.
    if (
      TIME_UNITS.has(head) ||
      /^(?:night|time|morning|evening|weekend|quarter|half|round|place)$/.test(head)
    )
      continue;
    const value = ORDINALS[rawRank] ?? (/^\d/.test(rawRank) ? String(Number.parseInt(rawRank, 10)) : 'top');
    const end = start + m[0].length - (m[2] as string).length + phrase.join(' ').length;
    const text = sentence.slice(start, end);
    // "the first ambassador to Norway": a rank among the holders of a post, not among the role's
    // people who did something ("the first diplomat to defect").
    const post = /^\s+to\s+(?:the\s+)?\p{Lu}/u.test(sentence.slice(end));
    const key = post ? `ordinal:post:${head}` : `ordinal:${head}`;
    out.push({ kind: 'ordinal', key, text, value, start, end });
  }
  return out;
}

/**
 * Extracts the claim slots of one sentence, with offsets into it. Dates inside quotes and
 * numbers inside dates are not counted twice; order is by position.
 */
export function extractSlots(sentence: string, context: SlotContext = {}): SlotValue[] {
  const published = parsePublished(context.published);
  const { slots: calendar, spans } = fullDates(sentence);
  const slots = [
    ...calendar,
    ...daySlots(sentence, published, spans),
    ...quantities(sentence, spans),
    ...ordinals(sentence),
    ...sequences(sentence),
    ...origins(sentence),
    ...channels(sentence),
    ...quotes(sentence),
    ...responses(sentence),
  ];
  return slots.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

/** The comparison key of a slot: "number:killed", "duration:month", "ordinal:diplomat", "date:day", "channel", "quote". */
export function slotKey(slot: SlotValue): string {
  return slot.key ?? slot.kind;
}
