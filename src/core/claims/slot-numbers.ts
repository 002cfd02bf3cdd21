/**
 * Number slots: counts with their modifier, unit and predicate ("just under 13,000 … killed") and
 * durations ("16-month uprising"), read from generic English number phrases.
 */
import { stem } from '../compare/grams.ts';
import type { SlotValue } from '../index/schema.ts';

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

/** Time units as the stemmer gives them ("minutes" → "minut", "decades" → "decad"). */
export const TIME_UNITS: ReadonlySet<string> = new Set(
  ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century'].map(stem),
);

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

/** The predicate of a count: a casualty-type verb after it (before the next number) or just before it ("death toll at"). */
function predicateNear(sentence: string, start: number, end: number, nextStart: number): string | undefined {
  const after = sentence.slice(end, Math.min(nextStart, end + 140));
  const before = sentence.slice(Math.max(0, start - 30), start);
  for (const [re, name] of PREDICATES)
    if (re.test(after) || (re.test(before) && /\b(?:toll|at|of)\s*$/.test(before))) return name;
  return undefined;
}

export function quantities(sentence: string, taken: [number, number][]): SlotValue[] {
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
