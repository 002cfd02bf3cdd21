/**
 * The status of a linked page sentence: what THIS page says against the corpus. A page value that
 * differs from every source's value for the same slot (15,000 vs 13,000 dead, "first" vs
 * "second") is a conflict, as is any fact the sources already disagree on (DESIGN.md,
 * data-crossread-status); otherwise the fact's own status.
 */
import { slotKey } from '../claims/slots.ts';
import type { FactStatus, SlotValue } from '../index/schema.ts';
import type { Sig } from './lexical-links.ts';

/**
 * How the page's wording of one fact relates to the corpus: conflict when the corpus already
 * disagrees, or when a page value differs from every source that states the same slot.
 */
export function statusOnPage(
  corpus: FactStatus,
  members: readonly Pick<Sig, 'slots'>[],
  pageSlots: readonly SlotValue[],
): FactStatus {
  if (corpus === 'conflict') return 'conflict';
  for (const slot of pageSlots) {
    // A quote is compared as words; a sequence's stretch ("in a week", "last week") too loosely,
    // and an origin's place is spelled differently by each outlet.
    if (slot.kind === 'quote' || slot.kind === 'sequence' || slot.kind === 'origin' || slot.value === '')
      continue;
    const key = slotKey(slot);
    // A day compares only with a day of its kind: "yesterday" on a page without a date is no
    // weekday, and says nothing against "on Wednesday".
    const kind = key === 'date:day' ? dayKind(slot.value) : 'any';
    if (kind === null) continue;
    const values = members.flatMap((m) =>
      m.slots
        .filter((s) => s.key === key && (kind === 'any' || dayKind(s.value) === kind))
        .map((s) => s.value),
    );
    if (values.length > 0 && !values.includes(slot.value)) return 'conflict';
  }
  return corpus;
}

/** The kind of a day value: a weekday, a calendar date, or null for a day relative to an unknown date. */
function dayKind(value: string): 'weekday' | 'date' | null {
  if (value.startsWith('weekday:')) return 'weekday';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  return null;
}
