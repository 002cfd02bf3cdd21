/**
 * Name mentions in a sentence: capitalised-token runs (joined over name particles and, inside
 * organisation names, "of"), with titles, possessives and sentence-initial common words removed.
 * Generic English capitalisation rules; the indexer adds a part-of-speech hint for the
 * sentence-initial word, and corpus statistics (words seen in lower case) decide the rest.
 */
import { STOPWORDS } from '../compare/grams.ts';
import { tokenize } from '../text/tokens.ts';
import { isParticle, isTitle, stripPossessive } from './name-key.ts';

export interface NameMention {
  /** The name as printed, without title or possessive. */
  text: string;
  start: number;
  end: number;
  /** The title printed before it ("Mr.", "President"), if any: a person cue. */
  title?: string;
  /** The lower-case word just before the mention ("in", "from", "envoy"): a typing cue. */
  before?: string;
  /** The word just after ("said", "told", "party"). */
  after?: string;
}

export interface ExtractOptions {
  /** Part-of-speech hint: true when the tagger calls the token at this offset a proper noun. */
  isProper?: (start: number) => boolean;
  /** Part-of-speech hint: true when the tagger calls the token at this offset a function word ("Every"). */
  isFunctionWord?: (start: number) => boolean;
  /** Lower-case words the corpus prints in lower case: not names when capitalised at a sentence start. */
  lowerWords?: ReadonlySet<string>;
}

/** Nouns that end organisation names and may take "of" ("Committees of …", "Bank of …"). */
const ORG_OF =
  /^(?:council|committees?|bank|university|ministry|department|league|union|republic|institute|association|commission|court|office|organi[sz]ation|federation|party|army|front|movement|church|academy|board|bureau|agency|school|college|house|chamber|assembly|congress|parliament|society|coalition|alliance|foundation|fund|center|centre|network|corps)$/i;
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

function capitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token) || /^\p{Ll}{1,3}-\p{Lu}/u.test(token);
}

function acronym(token: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(token);
}

/** Extracts name mentions from one sentence; offsets are into `sentence`. */
export function extractNames(sentence: string, options: ExtractOptions = {}): NameMention[] {
  const tokens = tokenize(sentence);
  const out: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!capitalised(tok.text)) {
      i++;
      continue;
    }
    // Grow a run over capitalised tokens, particles between them, "of" after an organisation noun.
    const run = [i];
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[run[run.length - 1]!]!;
      const next = tokens[j]!;
      const gap = sentence.slice(prev.end, next.start);
      // "Mr. X": the full stop of an abbreviated title does not end the run.
      const titleDot = /^\.[\s\u00a0]+$/u.test(gap) && isTitle(prev.text);
      if (!/^[\s\u00a0]+$/u.test(gap) && !titleDot) break;
      if (/['\u2019]s?$/u.test(prev.text) && stripPossessive(prev.text) !== prev.text) break;
      if (capitalised(next.text)) {
        run.push(j);
        j++;
        continue;
      }
      const after = tokens[j + 1];
      const gap2 = after ? sentence.slice(next.end, after.start) : '';
      if (after && capitalised(after.text) && /^[\s\u00a0]+$/u.test(gap2)) {
        if (
          isParticle(next.text) &&
          !/^(?:de|la|le|da|du|des|di|en|es|et|as|at|an|ad|ar|er|ed)$/i.test(next.text)
        ) {
          run.push(j, j + 1);
          j += 2;
          continue;
        }
        if (next.text === 'of' && ORG_OF.test(prev.text)) {
          run.push(j, j + 1);
          j += 2;
          continue;
        }
      }
      // "the Likud party": an organisation noun in lower case closes a one-word name.
      if (/^(?:party|movement)$/.test(next.text)) {
        run.push(j);
        j++;
      }
      break;
    }
    i = j;
    const mentions = splitRun(sentence, tokens, run, options);
    out.push(...mentions);
  }
  return out;
}

function splitRun(
  sentence: string,
  tokens: ReturnType<typeof tokenize>,
  run: number[],
  options: ExtractOptions,
): NameMention[] {
  let parts: number[][] = [[]];
  let titles: string[] = [];
  const partTitles: (string | undefined)[] = [];
  // Titles split a run ("Russian Foreign Minister X" → "Russian" | "X") and mark the name after them.
  for (const k of run) {
    const t = tokens[k]!.text;
    if (isTitle(t) && !acronym(t)) {
      if (parts[parts.length - 1]!.length > 0) {
        partTitles.push(titles.length ? titles.join(' ') : undefined);
        parts.push([]);
        titles = [];
      }
      titles.push(t);
      continue;
    }
    parts[parts.length - 1]!.push(k);
  }
  partTitles.push(titles.length ? titles.join(' ') : undefined);
  const out: NameMention[] = [];
  parts = parts.map((p) => p.slice());
  parts.forEach((part, n) => {
    let title = partTitles[n];
    // A leading lone particle or function word is not part of the name ("The", "In", "But").
    while (part.length > 0) {
      const first = tokens[part[0]!]!;
      const lower = first.text.toLowerCase();
      const atStart = isSentenceStart(sentence, first.start);
      if (STOPWORDS.has(lower) || CALENDAR.test(first.text)) {
        part.shift();
        continue;
      }
      if (atStart && part.length === 1 && !acronym(first.text)) {
        const proper = options.isProper?.(first.start) ?? true;
        if (!proper || options.lowerWords?.has(lower)) {
          part.shift();
          continue;
        }
      } else if (
        atStart &&
        (options.lowerWords?.has(lower) || options.isFunctionWord?.(first.start)) &&
        !(options.isProper?.(first.start) ?? false)
      ) {
        part.shift();
        continue;
      }
      break;
    }
    while (
      part.length > 0 &&
      (CALENDAR.test(tokens[part[part.length - 1]!]!.text) ||
        isParticle(tokens[part[part.length - 1]!]!.text))
    )
      part.pop();
    // All-capital common words ("NEW", "TAGS") are shouting, not acronyms.
    if (part.length === 1) {
      const only = tokens[part[0]!]!.text;
      if (
        /^\p{Lu}{2,}$/u.test(only) &&
        (STOPWORDS.has(only.toLowerCase()) || options.lowerWords?.has(only.toLowerCase()))
      )
        return;
    }
    if (part.length === 0) return;
    // "Ambassador to the E.U. Jane Doe": after a title and a preposition, the first word is the title's complement.
    const firstTok = tokens[part[0]!]!;
    const lead = sentence.slice(Math.max(0, firstTok.start - 40), firstTok.start);
    const m = /(\p{L}+\.?)\s+(?:to|of|for|at)\s+(?:the\s+)?$/u.exec(lead);
    if (m && isTitle(m[1]!) && part.length >= 3) {
      part.shift();
      title = m[1];
    }
    const a = tokens[part[0]!]!;
    const b = tokens[part[part.length - 1]!]!;
    const lastText = stripPossessive(b.text);
    const end = b.start + lastText.length;
    const text = sentence.slice(a.start, end);
    if (!/\p{L}{2}/u.test(text) && !acronym(text)) return;
    const beforeTok = [...tokens].reverse().find((t) => t.end <= a.start);
    const afterTok = tokens.find((t) => t.start >= b.end);
    const mention: NameMention = { text, start: a.start, end };
    if (title) mention.title = title;
    if (beforeTok) mention.before = beforeTok.text.toLowerCase();
    if (afterTok) mention.after = afterTok.text.toLowerCase();
    out.push(mention);
  });
  return out;
}

/** True at the start of a sentence or of a quotation inside it. */
function isSentenceStart(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  return (
    /^[\s"'\u201c\u2018(\-\u2014\u2013]*$/u.test(before) ||
    /[.:!?]["'\u201d\u2019]?\s+["'\u201c\u2018]?$|["\u201c\u2018]\s*$/u.test(before)
  );
}
