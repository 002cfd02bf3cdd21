/**
 * Origin slots: where a person is from ("is from <Place>", "hails from", "a native of", "his home
 * city of <Place>"). Two reports of where someone is from share this kind of value however they
 * put it, so the kind links them as a channel does. The value is the place as printed; outlets
 * spell places differently ("Wadi al-Seer", "Wadi es-Sir"), so it is not compared for a conflict.
 */
import type { SlotValue } from '../index/schema.ts';

/** A place name: capitalised words, with joined particles ("al-", "es-", "de-") between them. */
const PLACE = String.raw`\p{Lu}[\p{L}'’]*(?:[-\s](?:(?:al|el|ez|es|ad|as|ar|ash|at|az|de|del|di|du|la|le)-)?\p{Lu}[\p{L}'’]*){0,3}`;
const ORIGIN = new RegExp(
  String.raw`\b(?:(?:is|was|are|were|comes|come)\s+(?:originally\s+)?from|hails?\s+from|(?:a\s+)?natives?\s+of|(?:his|her|their)\s+(?:native|home)\s*(?:town|city|village|province|region|country)?\s+of)\s+(?:the\s+(?:city|town|village|province|region)\s+of\s+)?(${PLACE})`,
  'gu',
);
/** Capitalised words that are no place: days and months ("was from Monday"). */
const NOT_PLACE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An)\b/u;

export function origins(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  for (const m of sentence.matchAll(ORIGIN)) {
    const place = m[1] as string;
    if (NOT_PLACE.test(place)) continue;
    const start = m.index ?? 0;
    out.push({
      kind: 'origin',
      key: 'origin',
      text: m[0],
      value: place.toLowerCase(),
      start,
      end: start + m[0].length,
    });
  }
  return out;
}
