/**
 * Sequence slots: a sentence that places its event after an earlier one of the same kind within a
 * stretch of time. "the second defection in a week" and "follows the defection last week of …"
 * both say that another such event came within the week before, in words that share little else;
 * the slot's value (the stretch: "week") lets the two readings meet as the same figure does.
 * Not compared for conflicts: "in a week" and "last week" measure the same stretch loosely.
 */
import type { SlotValue } from '../index/schema.ts';

const PERIOD = '(day|week|month|year|fortnight)';
/** "the second big defection in a week", "a third attack within a month", "the second … this week". */
const NTH_IN = new RegExp(
  `\\b(?:second|third|fourth|fifth|\\d+(?:nd|rd|th))\\s+(?:[\\p{L}'’-]+\\s+){0,8}?(?:in|within)\\s+(?:(?:just|only|less than|little more than|barely)\\s+)?(?:a|one|the\\s+same|the\\s+past|the\\s+last)\\s+${PERIOD}\\b|\\b(?:second|third|fourth|fifth)\\s+(?:[\\p{L}'’-]+\\s+){0,8}?this\\s+${PERIOD}\\b`,
  'giu',
);
/** "follows the defection last week of …", "coming after a similar vote last month". */
const AFTER_LAST = new RegExp(
  `\\b(?:follow(?:s|ed|ing)?|comes?\\s+(?:shortly\\s+|just\\s+|days\\s+)?after|on\\s+the\\s+heels\\s+of)\\s+(?:[^.;:!?,]{0,60}?\\s)?last\\s+${PERIOD}\\b`,
  'giu',
);

export function sequences(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  for (const pattern of [NTH_IN, AFTER_LAST])
    for (const m of sentence.matchAll(pattern)) {
      const period = (m[1] ?? m[2] ?? '').toLowerCase();
      if (!period) continue;
      const start = m.index ?? 0;
      out.push({
        kind: 'sequence',
        key: 'sequence',
        text: m[0],
        value: period === 'fortnight' ? 'week' : period,
        start,
        end: start + m[0].length,
      });
    }
  return out;
}
