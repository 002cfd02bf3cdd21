/**
 * Claim slots: the comparable values a sentence states. Numbers with modifier, unit
 * and predicate ("just under 13,000 … killed"), durations ("16-month uprising"), ordinals and
 * ranks ("first" / "second senior diplomat"), days (relative days resolved against the
 * article's date when known), quotes with their speaker, and the channel of a statement
 * ("video message on YouTube" vs "statement to the BBC", "told Nordpress").
 *
 * Pure regular expressions over generic English: runs unchanged in the page.
 */

import { stem } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';
import { foldText } from '../text/normalize.ts';

/** Context for resolving relative dates. */
export interface SlotContext {
  /** The article's ISO date (YYYY-MM-DD), when known. */
  published?: string | null;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** Modifiers of a quantity, normalised to a comparison sign. */
const MODIFIERS: [RegExp, string][] = [
  [/^(?:just |slightly )?(?:under|below|less than|fewer than|nearly|almost|close to|up to|at most)$/, '<'],
  [/^(?:just |well )?(?:over|above|more than|at least|upwards of|in excess of|as many as)$/, '>'],
  [/^(?:around|about|approximately|roughly|some|near|an estimated|estimated)$/, '~'],
];
const MODIFIER =
  '(?:(?:just|slightly|well)\\s+)?(?:under|below|over|above|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|up\\s+to|around|about|approximately|roughly|nearly|almost|near|some|close\\s+to|as\\s+many\\s+as|upwards\\s+of|in\\s+excess\\s+of|an\\s+estimated)';
const NUMERAL = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N},.:])(?:(${MODIFIER})\\s+)?(${NUMERAL})(?:\\s+(hundred|thousand|million|billion))?(?:-(\\p{L}+)(?:-old)?)?(?![\\p{L}\\p{N}]|[:.,]\\d)`,
  'giu',
);

const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);

/** Casualty and similar predicates: what a bare count is a count of, whatever its noun. */
const PREDICATES: [RegExp, string][] = [
  [
    /\b(?:killed|kill|killing|died|die|dead|deaths?|death\s+toll|lost\s+(?:their\s+)?lives|slain|massacred|perished)\b/i,
    'killed',
  ],
  [/\b(?:wounded|injured|injuries|hurt)\b/i, 'wounded'],
  [/\b(?:arrested|detained|jailed|imprisoned|captured)\b/i, 'detained'],
  [/\b(?:displaced|refugees|fled|evacuated|homeless)\b/i, 'displaced'],
];

const MONTHS = [
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
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const FULL_DATE = new RegExp(
  `\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b|\\b(\\d{1,2})\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b|\\b(${MONTH_RE})\\s+(\\d{4})\\b`,
  'g',
);
const DAY_WORD =
  /\b(?:(?:on|last|this|next)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|\b(today|tonight|yesterday|tomorrow)\b|\b(?:(last|this)\s+(night|morning|afternoon|evening))\b/gi;

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

/** Parses "13,000" / "4.5" / "six" (+ "million") to a number. */
function numeric(raw: string, scale?: string): number | null {
  const lower = raw.toLowerCase();
  let n = NUMBER_WORDS[lower] ?? Number(lower.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  if (scale) n *= SCALES[scale.toLowerCase()] ?? 1;
  return n;
}

function modifierSign(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m = raw.toLowerCase().replace(/\s+/g, ' ');
  for (const [re, sign] of MODIFIERS) if (re.test(m)) return sign;
  return undefined;
}

/**
 * `text.trimStart().split(/\s+/).slice(0, n)`, without splitting the rest: called once per
 * number with the whole rest of the sentence, the full split was quadratic on long "sentences"
 * (a 50,000-character list of names on one saved page).
 */
export function firstWords(text: string, n: number): string[] {
  const t = text.trimStart();
  const out: string[] = [];
  const space = /\s+/g;
  let from = 0;
  while (out.length < n) {
    const m = space.exec(t);
    if (!m) {
      out.push(t.slice(from));
      break;
    }
    out.push(t.slice(from, m.index));
    from = m.index + m[0].length;
  }
  return out;
}

/** The head noun after a number: the first word that is not an adjective-ish filler or a name. */
function unitAfter(rest: string): string | undefined {
  const words = firstWords(rest, 6);
  for (const raw of words) {
    if (/^[,;:()]/.test(raw)) return undefined;
    const w = raw.replace(/[^\p{L}-]/gu, '');
    if (!w) return undefined;
    const lower = w.toLowerCase();
    if (/^(?:and|or|of|more|new|other|armed|unarmed)$/.test(lower)) continue;
    if (/^\p{Lu}/u.test(w) || /ed$/.test(lower)) continue;
    if (
      /^(?:the|a|an|to|in|on|at|by|for|from|with|have|has|had|was|were|is|are|who|that|since|so|than)$/.test(
        lower,
      )
    )
      return undefined;
    return stem(lower.replace(/-.*/, ''));
  }
  return undefined;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parsePublished(published?: string | null): Date | null {
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
function daySlots(sentence: string, published: Date | null, taken: [number, number][]): SlotValue[] {
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

function fullDates(sentence: string): { slots: SlotValue[]; spans: [number, number][] } {
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

/** The predicate of a count: a casualty-type verb after it (before the next number) or just before it ("death toll at"). */
function predicateNear(sentence: string, start: number, end: number, nextStart: number): string | undefined {
  const after = sentence.slice(end, Math.min(nextStart, end + 140));
  const before = sentence.slice(Math.max(0, start - 30), start);
  for (const [re, name] of PREDICATES)
    if (re.test(after) || (re.test(before) && /\b(?:toll|at|of)\s*$/.test(before))) return name;
  return undefined;
}

function quantities(sentence: string, taken: [number, number][]): SlotValue[] {
  const out: SlotValue[] = [];
  const matches = [...sentence.matchAll(QUANTITY)];
  matches.forEach((m, i) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const numStart = start + m[0].indexOf(m[2] as string);
    if (taken.some(([a, b]) => numStart < b && end > a)) return;
    const raw = m[2] as string;
    // Bare number words are too often not quantities ("two of them"): keep them with a unit only.
    const isWord = /^\p{L}/u.test(raw);
    const value = numeric(raw, m[3]);
    if (value === null) return;
    // A bare four-digit year is a date, not a quantity.
    if (!m[1] && !m[4] && /^(?:1[89]|20)\d\d$/.test(raw)) return;
    const compound = m[4]?.toLowerCase();
    const unit = compound ? stem(compound) : unitAfter(sentence.slice(end));
    if (isWord && !unit) return;
    const sign = modifierSign(m[1]);
    const next = matches[i + 1]?.index ?? sentence.length;
    let kind = 'number';
    let key: string;
    const predicate =
      !compound && !(unit && TIME_UNITS.has(unit)) ? predicateNear(sentence, start, end, next) : undefined;
    if (unit && TIME_UNITS.has(unit)) {
      kind = 'duration';
      key = `duration:${unit}`;
    } else if (predicate) key = `number:${predicate}`;
    else key = `number:${unit ?? 'count'}`;
    const slot: SlotValue = { kind, key, text: m[0], value: String(value), start, end };
    if (sign) slot.modifier = sign;
    if (unit) slot.unit = unit;
    if (predicate) slot.predicate = predicate;
    out.push(slot);
  });
  // Coordinated counts share the verb: "2,400 fighters and about 900 officers have been killed".
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i] as SlotValue;
    const b = out[i + 1] as SlotValue;
    if (a.predicate || !b.predicate || a.kind !== 'number') continue;
    const gap = sentence.slice(a.end, b.start);
    if (/\band\b|,/.test(gap) && !/[.;:]|\b(?:but|while|whereas)\b/.test(gap)) {
      a.predicate = b.predicate;
      a.key = `number:${b.predicate}`;
    }
  }
  return out;
}

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

function channels(sentence: string): SlotValue[] {
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

function quotes(sentence: string): SlotValue[] {
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

function responses(sentence: string): SlotValue[] {
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
