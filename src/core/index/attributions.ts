/**
 * Whom each fact member's source says the fact comes from (core/claims/attribution): the
 * attribution governing most of the member's span, or null where the outlet states it itself.
 * A value under another attribution than its member's ("…, while the agency has put the toll at
 * 10,000") carries its own, so a sentence with two attributed values keeps both.
 */
import { attributionOver, attributionsOf } from '../claims/attribution.ts';
import type { Fact, FactMember } from './schema.ts';

export function attributeMembers(facts: readonly Fact[]): void {
  const read = new Map<string, ReturnType<typeof attributionsOf>>();
  for (const fact of facts)
    for (const m of fact.members) {
      let list = read.get(m.text);
      if (!list) {
        list = attributionsOf(m.text);
        read.set(m.text, list);
      }
      const own = attributionOver(list, m.span.start, m.span.end);
      m.attribution = own;
      if (list.length < 2) continue;
      for (const v of m.values) {
        if (v.kind === 'quote') continue;
        const who = attributionOver(list, v.start, v.end);
        if (who && who !== own) v.attribution = who;
      }
    }
}

/**
 * What a reader is told the member comes from: its own attribution, then each value credited to
 * someone else as "value — who" ("more than 10,000 — <agency>"). Empty where the outlet says it.
 */
export function memberAttributions(m: FactMember): string[] {
  return [
    ...(m.attribution ? [m.attribution] : []),
    ...(m.values ?? []).filter((v) => v.attribution).map((v) => `${v.text} \u2014 ${v.attribution}`),
  ];
}
