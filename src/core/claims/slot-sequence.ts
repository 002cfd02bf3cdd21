/**
 * Sequence slots: a sentence that places its event after an earlier one of the same kind within a
 * stretch of time. "the second defection in a week" and "follows the defection last week of …"
 * both say that another such event came within the week before, in words that share little else;
 * the slot's key names the event ("sequence:defect") and its value the stretch ("week"), so the
 * two readings meet as the same figure of the same thing does. Not compared for conflicts: "in a
 * week" and "last week" measure the same stretch loosely.
 */
import { stem } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';

const PERIOD = '(day|week|month|year|fortnight)';
const WORD = "[\\p{L}'’-]+";
/** "the second big defection in a week", "a third attack within a month", "the second … this week". */
const NTH_IN = new RegExp(
  `\\b(?:second|third|fourth|fifth|\\d+(?:nd|rd|th))\\s+((?:${WORD}\\s+){0,8}?)(?:(?:in|within)\\s+(?:(?:just|only|less than|little more than|barely)\\s+)?(?:a|one|the\\s+same|the\\s+past|the\\s+last)|this)\\s+${PERIOD}\\b`,
  'giu',
);
/** "follows the defection last week of …", "comes after a similar vote last month". */
const AFTER_LAST = new RegExp(
  `\\b(?:follow(?:s|ed|ing)?|comes?\\s+(?:shortly\\s+|just\\s+|days\\s+)?after|on\\s+the\\s+heels\\s+of)\\s+((?:${WORD}\\s+){1,8}?)last\\s+${PERIOD}\\b`,
  'giu',
);
/** Where the event's noun phrase ends: "the flight <from> …", "defection <of> …". */
const FUNCTION_WORD =
  /^(?:to|of|in|on|at|by|for|from|with|since|after|before|during|than|as|was|is|were|has|had|have|been|that|who|and|or)$/i;

/** The head noun of the event: the last word before the phrase's first function word. */
function eventHead(phrase: string): string | null {
  const words: string[] = [];
  for (const w of phrase.trim().split(/\s+/)) {
    if (!w || FUNCTION_WORD.test(w)) break;
    if (!/^(?:the|a|an|its|his|her|their)$/i.test(w)) words.push(w);
  }
  const head = words[words.length - 1];
  return head ? stem(head.toLowerCase()) : null;
}

export function sequences(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  for (const pattern of [NTH_IN, AFTER_LAST])
    for (const m of sentence.matchAll(pattern)) {
      const head = eventHead(m[1] ?? '');
      const period = (m[2] ?? '').toLowerCase();
      if (!head || !period) continue;
      const start = m.index ?? 0;
      out.push({
        kind: 'sequence',
        key: `sequence:${head}`,
        text: m[0],
        value: period === 'fortnight' ? 'week' : period,
        start,
        end: start + m[0].length,
      });
    }
  return out;
}
