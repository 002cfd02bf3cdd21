/**
 * The name mentions of a whole corpus, before grouping: each sentence's capitalised runs
 * (core/entities/extract), then the corrections only the whole corpus can make — a modifier
 * printed once before a name others print alone, a lower-case continuation of a known name,
 * demonyms, participles, people words and modifiers (core/entities/adjectival) — and finally
 * the names the body already knows, found again in headlines.
 */

import { tokenize } from '../text/tokens.ts';
import { isDemonymOf, isParticipleForm, modifierWords, type NameUse } from './adjectival.ts';
import { extractNames, type NameMention } from './extract.ts';
import type { MentionInput } from './group.ts';
import { nameKeys } from './name-key.ts';

export interface MentionSentence {
  start: number;
  end: number;
  /** The tagger's part of speech per token start, as offsets into the document's text. */
  tags: ReadonlyMap<number, string>;
}

export interface MentionDoc {
  source: string;
  text: string;
  sentences: readonly MentionSentence[];
  headlines: readonly string[];
}

/** Where a body mention sits: `[document, sentence]`, and its offsets in that sentence. */
export interface MentionPlace {
  sentence: [number, number];
  start: number;
  end: number;
}

export interface CorpusMentions {
  /** Body mentions (one place each, in `places`), then headline mentions. */
  inputs: MentionInput[];
  places: MentionPlace[];
  bodyCount: number;
}

/** Tags of words that open a sentence without being part of a name ("Every Norwegian voter…"). */
const FUNCTION_TAGS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'ADV']);

export function corpusMentions(docs: readonly MentionDoc[]): CorpusMentions {
  // Words the corpus prints in lower case: capitalised at a sentence start, they are not names.
  const lowerWords = new Set<string>();
  for (const d of docs)
    for (const t of tokenize(d.text)) if (/^\p{Ll}+$/u.test(t.text)) lowerWords.add(t.text);

  const inputs: MentionInput[] = [];
  const places: MentionPlace[] = [];
  docs.forEach((d, si) => {
    d.sentences.forEach((s, k) => {
      const text = d.text.slice(s.start, s.end);
      const found = extractNames(text, {
        isProper: (o) => s.tags.get(s.start + o) === 'PROPN',
        isFunctionWord: (o) => FUNCTION_TAGS.has(s.tags.get(s.start + o) ?? ''),
        lowerWords,
      });
      for (const m of found) {
        inputs.push(toInput(d.source, m));
        places.push({ sentence: [si, k], start: m.start, end: m.end });
      }
    });
  });
  const sentenceText = (at: MentionPlace) => {
    const s = docs[at.sentence[0]]!.sentences[at.sentence[1]]!;
    return docs[at.sentence[0]]!.text.slice(s.start, s.end);
  };

  splitLeadingModifiers(inputs, places);
  extendLowerContinuations(inputs, places, sentenceText);

  // Capitalised words that are not names (core/entities/adjectival).
  const single = new Set(inputs.filter((m) => !/\s/u.test(m.text)).map((m) => m.text.toLowerCase()));
  const midSentence = new Set(inputs.filter((_, i) => places[i]!.start > 0).map((m) => m.text));
  const modifiers = modifierWords(...usesOf(docs, inputs, places));
  const keep = inputs.map(
    (m) =>
      !isDemonymOf(m.text, single) &&
      !(isParticipleForm(m.text) && !midSentence.has(m.text)) &&
      !modifiers.has(m.text),
  );
  for (let i = inputs.length - 1; i >= 0; i--)
    if (!keep[i]) {
      inputs.splice(i, 1);
      places.splice(i, 1);
    }

  // Headlines (title, related links) are scanned for names the body already knows.
  const known = new Set(inputs.map((m) => nameKeys(m.text).join(' ')));
  const bodyCount = inputs.length;
  for (const d of docs)
    for (const h of d.headlines)
      for (const m of extractNames(h, {})) {
        const whole = nameKeys(m.text).join(' ');
        const candidates = whole && known.has(whole) ? [m.text] : m.text.split(/\s+/);
        for (const candidate of candidates) {
          const key = nameKeys(candidate).join(' ');
          if (key && known.has(key)) inputs.push({ source: d.source, text: candidate });
        }
      }
  return { inputs, places, bodyCount };
}

/**
 * A name printed with a leading modifier only here ("Nordic Likud party") whose rest another
 * source prints alone ("Likud party"): the rest is the name, the modifier a name of its own.
 */
function splitLeadingModifiers(inputs: MentionInput[], places: MentionPlace[]): void {
  const sourcesOfText = new Map<string, Set<string>>();
  for (const m of inputs) {
    const set = sourcesOfText.get(m.text) ?? new Set<string>();
    set.add(m.source);
    sourcesOfText.set(m.text, set);
  }
  const splits: { head: MentionInput; place: MentionPlace }[] = [];
  inputs.forEach((m, i) => {
    const firstSpace = m.text.search(/[\s\u00a0]/u);
    if (firstSpace < 0 || (sourcesOfText.get(m.text)?.size ?? 0) > 1) return;
    const rest = m.text.slice(firstSpace).replace(/^[\s\u00a0]+/u, '');
    const restSources = sourcesOfText.get(rest);
    if (!/[\s\u00a0]/u.test(rest) || !restSources || [...restSources].every((s) => s === m.source)) return;
    const at = places[i]!;
    const head = m.text.slice(0, firstSpace);
    splits.push({ head: { source: m.source, text: head }, place: { ...at, end: at.start + head.length } });
    at.start += m.text.length - rest.length;
    m.text = rest;
  });
  for (const s of splits) {
    inputs.push(s.head);
    places.push(s.place);
  }
}

/** Lower-case continuations of a known name ("EU trade council" for "EU Trade Council"). */
function extendLowerContinuations(
  inputs: MentionInput[],
  places: MentionPlace[],
  sentenceText: (at: MentionPlace) => string,
): void {
  const multiLower = new Set(inputs.filter((m) => /\s/.test(m.text)).map((m) => m.text.toLowerCase()));
  inputs.forEach((m, i) => {
    const at = places[i]!;
    const rest = sentenceText(at).slice(at.end);
    const ws = /^((?:[\s\u00a0]+\p{Ll}+){1,3})/u.exec(rest)?.[1];
    if (!ws) return;
    const parts = ws.split(/(?=[\s\u00a0]+)/u);
    for (let n = parts.length; n >= 1; n--) {
      const ext = m.text + parts.slice(0, n).join('');
      if (multiLower.has(ext.toLowerCase().replace(/[\s\u00a0]+/gu, ' ')) && ext !== m.text) {
        m.text = ext;
        at.end += parts.slice(0, n).join('').length;
        break;
      }
    }
  });
}

/** Each body mention's neighbours in its sentence, and the mentions joined by "and"/"or". */
function usesOf(
  docs: readonly MentionDoc[],
  inputs: readonly MentionInput[],
  places: readonly MentionPlace[],
): [NameUse[], [number, number][]] {
  const uses: NameUse[] = [];
  const bySentence = new Map<string, number[]>();
  places.forEach((at, i) => {
    const d = docs[at.sentence[0]]!;
    const s = d.sentences[at.sentence[1]]!;
    const text = d.text.slice(s.start, s.end);
    const use: NameUse = { text: inputs[i]!.text };
    const before = /(\p{L}+)[\s\u00a0]+$/u.exec(text.slice(0, at.start))?.[1];
    if (before) use.before = before.toLowerCase();
    const rest = text.slice(at.end);
    if (/^['\u2019\u02bc]/u.test(rest)) use.possessive = true;
    const next = /^([\s\u00a0]+)([\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*)/u.exec(rest);
    if (next) {
      use.next = next[2]!;
      const tag = s.tags.get(s.start + at.end + next[1]!.length);
      if (tag) use.nextTag = tag;
    }
    uses.push(use);
    const key = `${at.sentence[0]}:${at.sentence[1]}`;
    const list = bySentence.get(key) ?? [];
    list.push(i);
    bySentence.set(key, list);
  });
  const pairs: [number, number][] = [];
  for (const list of bySentence.values()) {
    list.sort((a, b) => places[a]!.start - places[b]!.start);
    for (let n = 1; n < list.length; n++) {
      const a = list[n - 1]!;
      const b = list[n]!;
      const at = places[a]!;
      const d = docs[at.sentence[0]]!;
      const s = d.sentences[at.sentence[1]]!;
      const gap = d.text.slice(s.start + at.end, s.start + places[b]!.start);
      if (/^[\s\u00a0]+(?:and|or)[\s\u00a0]+$/u.test(gap)) pairs.push([a, b]);
    }
  }
  return [uses, pairs];
}

function toInput(source: string, m: NameMention): MentionInput {
  const input: MentionInput = { source, text: m.text };
  if (m.title) input.title = m.title;
  if (m.before) input.before = m.before;
  if (m.after) input.after = m.after;
  return input;
}
