import { extractSlots } from '../../src/core/claims/slots.ts';
import type { Fact, FactStatus } from '../../src/core/index/schema.ts';

/**
 * A fact for a made-up test index: one member per text, from sources `s<firstSource>`,
 * `s<firstSource + 1>`, …, each member spanning its whole sentence with the slots the core finds.
 */
export function makeFact(id: string, status: FactStatus, texts: string[], firstSource = 0): Fact {
  return {
    id,
    status,
    label: texts[0] as string,
    entities: [],
    differences: [],
    members: texts.map((text, i) => ({
      source: `s${i + firstSource}`,
      text,
      stance: 'agrees',
      sentence: 0,
      span: { start: 0, end: text.length },
      values: extractSlots(text),
    })),
  };
}
