/**
 * Slots of what was said and how: the channel of a statement ("video message on YouTube",
 * "told Nordpress"), quotations with their speaker, and an official side's response or silence.
 */
import type { SlotValue } from '../index/schema.ts';
import { foldText } from '../text/normalize.ts';
import { MONTHS, WEEKDAYS } from './slot-dates.ts';

/** A capitalised name run of up to four words ("Radio Nord Libre", "YouTube", "Nordpress"). */
const CAPS =
  "[\\p{Lu}][\\p{L}\\p{M}'’.&-]*(?:\\s+(?:(?:of|de|al|el)\\s+)?[\\p{Lu}][\\p{L}\\p{M}'’.&-]*){0,3}";
const CHANNELS: RegExp[] = [
  // "a video message on YouTube", "statement to the BBC", "interview with Nordpress"
  new RegExp(
    `\\b((?:(?:video|audio|televised|written|recorded|taped|online|exclusive|short|brief)\\s+){0,2}(?:statement|message|interview|address|post|posting|speech|video|announcement|appearance|remarks|broadcast|comments))\\s+(?:(?:posted|broadcast|aired|given|made|published|carried)\\s+)?(?:on|to|with|by)\\s+(?:the\\s+)?(?:(?:TV|television|satellite)\\s+)?(?:(?:network|channel|station|broadcaster|newspaper|website|agency)\\s+)?(${CAPS}|state\\s+(?:TV|television|media|radio))`,
    'gu',
  ),
  // "given to the TV network Radio Nord Libre", "speaking to Nordpress", "told the BBC"
  new RegExp(
    `\\b(told|telling|speaking\\s+to|talking\\s+to|given\\s+to|said\\s+to|in\\s+an\\s+interview\\s+with|posted\\s+on|posted\\s+a\\s+\\w+\\s+on|wrote\\s+on)\\s+(?:the\\s+)?(?:(?:TV|television|satellite|pan-Arab|state)\\s+)?(?:(?:network|channel|station|broadcaster|newspaper|website|agency|news\\s+agency)\\s+)?(${CAPS})`,
    'gu',
  ),
];
const NOT_OUTLET = new RegExp(
  `^(?:${WEEKDAYS.join('|')}|${MONTHS.join('|')}|I|He|She|It|They|We|The|This|That|Mr|Mrs|Ms|Dr)$`,
  'i',
);

const QUOTE = /(["\u201c\u201d])([^"\u201c\u201d]{3,}?)(["\u201c\u201d]|$)/g;
const SPEAKER_WORD =
  "(?:(?:Mr|Mrs|Ms|Dr|Gen|Prof)\\.?\\s+)?[\\p{Lu}][\\p{L}\\p{M}'’-]+(?:\\s+(?:al-|el-|bin\\s+|de\\s+|van\\s+)?[\\p{Lu}][\\p{L}\\p{M}'’-]+){0,3}";
const SAY =
  '(?:said|says|added|told\\s+[\\p{L} ]{1,30}?|stated|declared|wrote|insisted|warned|explained|asked)';
const AFTER_QUOTE = new RegExp(
  `^\\s*[,.]?\\s*(?:${SAY})\\s+(${SPEAKER_WORD}|he|she)|^\\s*[,.]?\\s*(${SPEAKER_WORD}|he|she)\\s+(?:${SAY})`,
  'u',
);
const BEFORE_QUOTE = new RegExp(
  `(${SPEAKER_WORD}|he|she)\\s+(?:${SAY}|has said|had said)\\s*(?:that\\s*)?[:,]?\\s*$`,
  'u',
);

export function channels(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  const seen: [number, number][] = [];
  for (const re of CHANNELS) {
    for (const m of sentence.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (seen.some(([a, b]) => start < b && end > a)) continue;
      let outlet = (m[2] as string).replace(/['’]s$/, '').replace(/[.,]$/, '');
      // "told Nordpress on Monday": cut the name run at a weekday or month.
      const words = outlet.split(/\s+/);
      const cut = words.findIndex((w) => NOT_OUTLET.test(w));
      if (cut === 0) continue;
      if (cut > 0) outlet = words.slice(0, cut).join(' ');
      // "told the Army to turn …" names whom an order went to, not where something was said.
      if (
        /^(?:told|telling)$/i.test(m[1] as string) &&
        /^\s+to\s+["\u201c]?\p{Ll}/u.test(sentence.slice(end))
      )
        continue;
      seen.push([start, end]);
      const text = m[0].slice(0, m[0].indexOf(m[2] as string) + outlet.length);
      const slot: SlotValue = {
        kind: 'channel',
        key: 'channel',
        text,
        value: foldText(outlet).toLowerCase(),
        start,
        end: start + text.length,
      };
      const medium = (m[1] as string).toLowerCase();
      if (
        /statement|message|interview|address|post|speech|video|announcement|remarks|broadcast|comments/.test(
          medium,
        )
      )
        slot.unit = medium.replace(/\s+/g, ' ');
      out.push(slot);
    }
  }
  return out;
}

export function quotes(sentence: string): SlotValue[] {
  const out: SlotValue[] = [];
  for (const m of sentence.matchAll(QUOTE)) {
    const open = m[1] as string;
    if (open === '\u201d') continue;
    const body = m[2] as string;
    if (body.trim().split(/\s+/).length < 3) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const slot: SlotValue = {
      kind: 'quote',
      key: 'quote',
      text: body,
      value: foldText(body)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
      start: start + 1,
      end: start + 1 + body.length,
    };
    const after = AFTER_QUOTE.exec(sentence.slice(end));
    const before = BEFORE_QUOTE.exec(sentence.slice(0, start));
    const speaker = after?.[1] ?? after?.[2] ?? before?.[1];
    if (speaker && !/^(?:he|she)$/i.test(speaker))
      slot.speaker = speaker.replace(/^(?:Mr|Mrs|Ms|Dr|Gen|Prof)\.?\s+/, '');
    out.push(slot);
  }
  return out;
}

/** No reaction from an official side ("no comment from …", "did not immediately comment"). */
const NO_RESPONSE =
  /\b(?:no (?:immediate |official )?(?:comment|reaction|response)|(?:did not|didn't|has not|hasn't|had not|have not|declined to|refused to) (?:immediately )?(?:comment|respond|react)|not (?:immediately )?(?:available|reached) for comment|neither\b[^.]{0,60}\bnor\b[^.]{0,60}\b(?:commented|responded|reacted))/i;
/** An official side's statement ("the foreign ministry said in a statement that …"). */
const OFFICIAL_RESPONSE =
  /\b(?:ministry|government|embassy|spokesm[ae]n|spokeswom[ae]n|spokesperson|authorities|presidency|palace|state (?:media|television|news agency))\b[^.;,"\u201c\u201d]{0,30}\b(?:said|says|announced|announces|confirmed|confirms|stated|states|denied|denies|declared|declares)\b/i;

export function responses(sentence: string): SlotValue[] {
  const none = NO_RESPONSE.exec(sentence);
  if (none) {
    const start = none.index;
    return [
      { kind: 'response', key: 'response', text: none[0], value: 'none', start, end: start + none[0].length },
    ];
  }
  const said = OFFICIAL_RESPONSE.exec(sentence);
  if (said) {
    const start = said.index;
    return [
      {
        kind: 'response',
        key: 'response',
        text: said[0],
        value: 'statement',
        start,
        end: start + said[0].length,
      },
    ];
  }
  return [];
}
