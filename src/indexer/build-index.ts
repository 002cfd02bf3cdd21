/**
 * Turns validated articles into the index: clean furniture, split sentences (wink), extract and
 * group names, group facts, then the matcher section, then validation. Deterministic: ids are
 * positional (s0, e0, f0) and nothing depends on time or the machine.
 */

import { isDemonymOf, isParticipleForm } from '../core/entities/adjectival.ts';
import { extractNames, type NameMention } from '../core/entities/extract.ts';
import type { GroupedEntity, MentionInput } from '../core/entities/group.ts';
import { groupMentions } from '../core/entities/group.ts';
import { nameKeys } from '../core/entities/name-key.ts';
import { buildFacts, type FactSentence } from '../core/index/build-facts.ts';
import { type CorpusIndex, INDEX_VERSION, type Source } from '../core/index/schema.ts';
import { validateIndex } from '../core/index/validate.ts';
import { compileParaphrases } from '../core/lexicon/paraphrases.ts';
import { buildMatcherData } from '../core/match/matcher-data.ts';
import { cleanArticle } from '../core/text/furniture.ts';
import { tokenize } from '../core/text/tokens.ts';
import { analyse } from './nlp.ts';
import type { RawArticle } from './read-folder.ts';
import { openWordNet } from './wordnet.ts';

export interface BuildOptions {
  /** Called after each article is analysed (CLI progress on large folders). */
  onProgress?: (done: number, total: number) => void;
  /** Reports each build phase's duration (bench). */
  onPhase?: (name: string, ms: number) => void;
  /** Reports each link between clauses of two sources, with its reason (tuning, eval --verbose). */
  onLink?: (a: string, b: string, why: string) => void;
}

interface Prepared {
  source: Source;
  published: string | null;
  sentences: { start: number; end: number; caption: boolean; proper: Set<number> }[];
  headlines: string[];
}

function counts<T extends string>(items: T[]): string {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m.entries()].map(([k, n]) => `${n} ${k}`).join(', ') || '0';
}

/** Builds and validates the index of already-read articles. */
export function buildIndex(articles: readonly RawArticle[], options: BuildOptions = {}): CorpusIndex {
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const prepared: Prepared[] = articles.map((a, i) => {
    const clean = cleanArticle(a.text);
    const sentences: Prepared['sentences'] = [];
    for (const p of clean.paragraphs) {
      const para = clean.text.slice(p.start, p.end);
      const { sentences: spans, proper } = analyse(para);
      const shifted = new Set([...proper].map((o) => o + p.start));
      for (const s of spans) {
        let start = p.start + s.start;
        let end = p.start + s.end;
        while (start < end && /\s/u.test(clean.text.charAt(start))) start++;
        while (end > start && /\s/u.test(clean.text.charAt(end - 1))) end--;
        if (end > start) sentences.push({ start, end, caption: p.caption, proper: shifted });
      }
    }
    options.onProgress?.(i + 1, articles.length);
    return {
      source: {
        id: `s${i}`,
        file: a.file,
        outlet: a.meta.outlet,
        ...(a.meta.label ? { label: a.meta.label } : {}),
        title: a.meta.title,
        url: a.meta.url,
        published: a.meta.published,
        text: clean.text,
        sentences: sentences.map((s) =>
          s.caption ? { start: s.start, end: s.end, caption: true } : { start: s.start, end: s.end },
        ),
      },
      published: a.meta.published,
      sentences,
      headlines: clean.headlines,
    };
  });

  phase('clean + sentences');
  // Words the corpus prints in lower case: capitalised at a sentence start, they are not names.
  const lowerWords = new Set<string>();
  for (const p of prepared)
    for (const t of tokenize(p.source.text)) if (/^\p{Ll}+$/u.test(t.text)) lowerWords.add(t.text);

  // Name mentions, per sentence.
  const inputs: MentionInput[] = [];
  const places: { sentence: [number, number]; start: number; end: number }[] = [];
  prepared.forEach((p, si) => {
    p.sentences.forEach((s, k) => {
      const text = p.source.text.slice(s.start, s.end);
      const found = extractNames(text, { isProper: (o) => s.proper.has(s.start + o), lowerWords });
      for (const m of found) {
        inputs.push(toInput(p.source.id, m));
        places.push({ sentence: [si, k], start: m.start, end: m.end });
      }
    });
  });

  // A name printed with a leading modifier only here ("Nordic Likud party") whose rest another
  // source prints alone ("Likud party"): the rest is the name, the modifier a name of its own.
  const sourcesOfText = new Map<string, Set<string>>();
  for (const m of inputs) {
    const set = sourcesOfText.get(m.text) ?? new Set<string>();
    set.add(m.source);
    sourcesOfText.set(m.text, set);
  }
  const splits: { at: number; head: MentionInput; place: (typeof places)[number] }[] = [];
  inputs.forEach((m, i) => {
    const firstSpace = m.text.search(/[\s\u00a0]/u);
    if (firstSpace < 0 || (sourcesOfText.get(m.text)?.size ?? 0) > 1) return;
    const rest = m.text.slice(firstSpace).replace(/^[\s\u00a0]+/u, '');
    const restSources = sourcesOfText.get(rest);
    if (!/[\s\u00a0]/u.test(rest) || !restSources || [...restSources].every((s) => s === m.source)) return;
    const at = places[i]!;
    const head = m.text.slice(0, firstSpace);
    splits.push({
      at: i,
      head: { source: m.source, text: head },
      place: { ...at, end: at.start + head.length },
    });
    at.start += m.text.length - rest.length;
    m.text = rest;
  });
  for (const s of splits) {
    inputs.push(s.head);
    places.push(s.place);
  }

  // Lower-case continuations of a known name ("EU trade council" for "EU Trade Council").
  const multiLower = new Set(inputs.filter((m) => /\s/.test(m.text)).map((m) => m.text.toLowerCase()));
  inputs.forEach((m, i) => {
    const at = places[i]!;
    const p = prepared[at.sentence[0]]!;
    const s = p.sentences[at.sentence[1]]!;
    const text = p.source.text.slice(s.start, s.end);
    const rest = text.slice(at.end);
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

  // Capitalised words that are not names (core/entities/adjectival): demonyms of a place the
  // corpus names, and "-ing" words that only ever open a sentence.
  const single = new Set(inputs.filter((m) => !/\s/u.test(m.text)).map((m) => m.text.toLowerCase()));
  const midSentence = new Set(inputs.filter((_, i) => places[i]!.start > 0).map((m) => m.text));
  const keep = inputs.map(
    (m) => !isDemonymOf(m.text, single) && !(isParticipleForm(m.text) && !midSentence.has(m.text)),
  );
  for (let i = inputs.length - 1; i >= 0; i--)
    if (!keep[i]) {
      inputs.splice(i, 1);
      places.splice(i, 1);
    }

  // Headlines (title, related links) are scanned for names the body already knows.
  const known = new Set(inputs.map((m) => nameKeys(m.text).join(' ')));
  const bodyCount = inputs.length;
  prepared.forEach((p) => {
    for (const h of p.headlines)
      for (const m of extractNames(h, {})) {
        const whole = nameKeys(m.text).join(' ');
        const candidates = whole && known.has(whole) ? [m.text] : m.text.split(/\s+/);
        for (const candidate of candidates) {
          const key = nameKeys(candidate).join(' ');
          if (key && known.has(key)) inputs.push({ source: p.source.id, text: candidate });
        }
      }
  });

  phase('names');
  const grouped: GroupedEntity[] = groupMentions(inputs);
  phase('entities');
  const entityOf = new Array<string>(inputs.length);
  const entities = grouped.map((g, i) => {
    for (const m of g.members) entityOf[m] = `e${i}`;
    return { id: `e${i}`, name: g.name, type: g.type, aliases: g.aliases, mentions: g.mentions };
  });

  const factSentences: FactSentence[] = [];
  const sentenceEntities = new Map<string, { id: string; start: number; end: number }[]>();
  for (let i = 0; i < bodyCount; i++) {
    const at = places[i]!;
    const key = `${at.sentence[0]}:${at.sentence[1]}`;
    const list = sentenceEntities.get(key) ?? [];
    list.push({ id: entityOf[i]!, start: at.start, end: at.end });
    sentenceEntities.set(key, list);
  }
  prepared.forEach((p, si) => {
    p.sentences.forEach((s, k) => {
      factSentences.push({
        source: p.source.id,
        sentence: k,
        text: p.source.text.slice(s.start, s.end),
        caption: s.caption,
        published: p.published,
        entities: sentenceEntities.get(`${si}:${k}`) ?? [],
      });
    });
  });
  const facts = buildFacts(factSentences, {
    ...(options.onLink ? { onLink: options.onLink } : {}),
    ...(options.onPhase
      ? { onPhase: (name: string, ms: number) => options.onPhase?.(`  facts: ${name}`, ms) }
      : {}),
  });
  mark = performance.now();
  phase('facts');
  const sources = prepared.map((p) => p.source);
  const partial = {
    version: INDEX_VERSION,
    generator: `crossread indexer: ${sources.length} sources, ${entities.length} entities, ${facts.length} facts`,
    sources,
    entities,
    facts,
  };
  const paraphrases = paraphrasesOf(sources);
  phase('paraphrases');
  const index: CorpusIndex = { ...partial, matcher: buildMatcherData(partial, paraphrases) };
  phase('matcher');
  const valid = validateIndex(index);
  phase('validate');
  return valid;
}

/** The corpus's words read through WordNet (core/lexicon/paraphrases), for the page matcher. */
function paraphrasesOf(sources: readonly Source[]): Record<string, string> {
  const words = new Set<string>();
  for (const s of sources)
    for (const t of tokenize(s.text)) if (/^\p{Ll}{3,}$/u.test(t.text)) words.add(t.text);
  const wordnet = openWordNet();
  try {
    return compileParaphrases(words, wordnet);
  } finally {
    wordnet.close();
  }
}

function toInput(source: string, m: NameMention): MentionInput {
  const input: MentionInput = { source, text: m.text };
  if (m.title) input.title = m.title;
  if (m.before) input.before = m.before;
  if (m.after) input.after = m.after;
  return input;
}

/** One-paragraph summary: sources, entities by type, facts by status. */
export function summarize(index: CorpusIndex): string {
  return [
    `${index.sources.length} sources`,
    `${index.entities.length} entities (${counts(index.entities.map((e) => e.type))})`,
    `${index.facts.length} facts (${counts(index.facts.map((f) => f.status))})`,
  ].join('; ');
}
