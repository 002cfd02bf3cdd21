/**
 * Date slots: calendar dates ("July 12, 2012", "12 July") and days ("on Tuesday", "last night"),
 * a relative day resolved against the article's date when it is known.
 */
import type { SlotValue } from '../index/schema.ts';

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const FULL_DATE = new RegExp(
  `\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b|\\b(\\d{1,2})\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b|\\b(${MONTH_RE})\\s+(\\d{4})\\b`,
  'g',
);
const DAY_WORD =
  /\b(?:(?:on|last|this|next)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|\b(today|tonight|yesterday|tomorrow)\b|\b(?:(last|this)\s+(night|morning|afternoon|evening))\b/gi;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parsePublished(published?: string | null): Date | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  const d = new Date(`${published.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function shiftDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

function monthIndex(raw: string): number {
  const m = raw.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((name) => name.startsWith(m));
}

/** Day slots: weekdays and relative days; value is an ISO date when the article date is known. */
export function daySlots(sentence: string, published: Date | null, taken: [number, number][]): SlotValue[] {
  const out: SlotValue[] = [];
  for (const m of sentence.matchAll(DAY_WORD)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    let value: string;
    if (m[1]) {
      const wd = WEEKDAYS.indexOf(m[1].toLowerCase());
      if (published) {
        // News reports the recent past: the latest such weekday on or before the article's date.
        const back = (published.getUTCDay() - wd + 7) % 7;
        value = iso(shiftDays(published, -back));
      } else value = `weekday:${WEEKDAYS[wd]}`;
    } else {
      const word = (m[2] ?? m[3] ?? '').toLowerCase();
      const offset = word === 'yesterday' || word === 'last' ? -1 : word === 'tomorrow' ? 1 : 0;
      value = published ? iso(shiftDays(published, offset)) : `relative:${offset}`;
    }
    out.push({ kind: 'date', key: 'date:day', text: m[0], value, start, end });
  }
  return out;
}

export function fullDates(sentence: string): { slots: SlotValue[]; spans: [number, number][] } {
  const slots: SlotValue[] = [];
  const spans: [number, number][] = [];
  for (const m of sentence.matchAll(FULL_DATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    spans.push([start, end]);
    if (m[1] && m[2]) {
      const month = monthIndex(m[1]) + 1;
      const day = Number(m[2]);
      if (day < 1 || day > 31) continue;
      const value = m[3]
        ? `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      slots.push({ kind: 'date', key: 'date:calendar', text: m[0], value, start, end });
    } else if (m[4] && m[5]) {
      const month = monthIndex(m[5]) + 1;
      const value = `${m[6] ?? '-'}-${String(month).padStart(2, '0')}-${m[4].padStart(2, '0')}`;
      slots.push({ kind: 'date', key: 'date:calendar', text: m[0], value, start, end });
    } else if (m[7] && m[8]) {
      slots.push({
        kind: 'date',
        key: 'date:month',
        text: m[0],
        value: `${m[8]}-${String(monthIndex(m[7]) + 1).padStart(2, '0')}`,
        start,
        end,
      });
    }
  }
  return { slots, spans };
}
