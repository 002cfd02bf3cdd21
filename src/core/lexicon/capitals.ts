/**
 * Capitals as the countries they govern: news names a government by its seat ("Nairobi said",
 * "the ambassador to Nairobi" for Kenya's), so a place entity that the lexical database calls a
 * national capital of another place entity of the corpus also names that country, on both sides
 * of the match. Compiled at build time for the corpus's own places only: no gazetteer in the page.
 */
import { foldText } from '../text/normalize.ts';
import type { Lexicon } from './paraphrases.ts';

interface Place {
  id: string;
  name: string;
  type: string;
  aliases: { text: string }[];
}

const key = (name: string) => foldText(name).toLowerCase().replace(/\s+/g, ' ').trim();

/** Capital entity id → the entity id of the country it is the capital of. */
export function compileSeats(entities: readonly Place[], lexicon: Lexicon): Record<string, string> {
  if (!lexicon.capitalOf) return {};
  const places = entities.filter((e) => e.type === 'place');
  const byName = new Map<string, string>();
  for (const e of places) for (const n of [e.name, ...e.aliases.map((a) => a.text)]) byName.set(key(n), e.id);
  const seats: Record<string, string> = {};
  for (const e of places) {
    for (const country of lexicon.capitalOf(e.name)) {
      const id = byName.get(key(country));
      if (id && id !== e.id) {
        seats[e.id] = id;
        break;
      }
    }
  }
  return seats;
}
