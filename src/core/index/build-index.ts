/**
 * Turns validated articles into the index: clean furniture, split sentences, extract and group
 * names, group facts, then the matcher section, then validation. Deterministic: ids are
 * positional (s0, e0, f0) and nothing depends on time or the machine. The same function runs in
 * the Node indexer and in the extension's indexer worker: the sentence splitter and tagger and the
 * lexical database are handed in by the shell that has them.
 */

import { corpusMentions } from '../entities/corpus-mentions.ts';
import type { GroupedEntity } from '../entities/group.ts';
import { groupMentions } from '../entities/group.ts';
import { compileSeats } from '../lexicon/capitals.ts';
import {
  compileParaphrases,
  compileSynonyms,
  type Lexicon,
  readConcepts,
  type Sense,
} from '../lexicon/paraphrases.ts';
import { compileRoles } from '../lexicon/roles.ts';
import { buildMatcherData } from '../match/matcher-data.ts';
import { findCredits, preferredCredit } from '../text/credits.ts';
import { cleanArticle } from '../text/furniture.ts';
import type { Analysed } from '../text/sentences.ts';
import { tokenize } from '../text/tokens.ts';
import type { RawArticle } from './article.ts';
import { attributeMembers } from './attributions.ts';
import { buildFacts, type FactSentence } from './build-facts.ts';
import { assignOrigins } from './origins.ts';
import { type CorpusIndex, type Fact, INDEX_VERSION, type Source } from './schema.ts';
import { placeInTime, sourceTime } from './timeline.ts';
import { validateIndex } from './validate.ts';

/** A paragraph's sentences and each token's universal part-of-speech tag, by offset. */
export type Analyse = (paragraph: string) => Pick<Analysed, 'sentences' | 'tags'>;

/** A lexical database opened for one build (WordNet in Node); closed when the build is done. */
export type OpenLexicon = () => Required<Lexicon> & { close?(): void };

/** A lexicon that knows no word: a build without one groups by the corpus's own words only. */
const NO_LEXICON: Required<Lexicon> = {
  senses: () => [],
  kinds: () => [],
  capitalOf: () => [],
  usage: () => ({}),
};

export interface BuildDeps {
  analyse: Analyse;
  lexicon?: OpenLexicon;
}

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
  sentences: { start: number; end: number; caption: boolean; tags: Map<number, string> }[];
  headlines: string[];
}

function counts<T extends string>(items: T[]): string {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m.entries()].map(([k, n]) => `${n} ${k}`).join(', ') || '0';
}

/** Builds and validates the index of already-read articles. */
export function buildIndex(
  articles: readonly RawArticle[],
  deps: BuildDeps,
  options: BuildOptions = {},
): CorpusIndex {
  const lexicon: ReturnType<OpenLexicon> = deps.lexicon?.() ?? NO_LEXICON;
  try {
    return build(articles, deps.analyse, lexicon, options);
  } finally {
    lexicon.close?.();
  }
}

function build(
  articles: readonly RawArticle[],
  analyse: Analyse,
  wordnet: Required<Lexicon>,
  options: BuildOptions,
): CorpusIndex {
  let mark = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const prepared: Prepared[] = articles.map((a, i) => {
    const clean = cleanArticle(a.text);
    const time = sourceTime(a.meta.published, a.text);
    const sentences: Prepared['sentences'] = [];
    for (const p of clean.paragraphs) {
      const para = clean.text.slice(p.start, p.end);
      const { sentences: spans, tags } = analyse(para);
      const shifted = new Map([...tags].map(([o, tag]) => [o + p.start, tag] as const));
      for (const s of spans) {
        let start = p.start + s.start;
        let end = p.start + s.end;
        while (start < end && /\s/u.test(clean.text.charAt(start))) start++;
        while (end > start && /\s/u.test(clean.text.charAt(end - 1))) end--;
        if (end > start) sentences.push({ start, end, caption: p.caption, tags: shifted });
      }
    }
    options.onProgress?.(i + 1, articles.length);
    return {
      source: {
        id: `s${i}`,
        file: a.file,
        outlet: a.meta.outlet,
        ...(a.meta.label ? { label: a.meta.label } : {}),
        ...creditOf(a.text),
        ...(time ? { time } : {}),
        title: a.meta.title,
        url: a.meta.url,
        published: a.meta.published,
        text: clean.text,
        sentences: sentences.map((s) =>
          s.caption ? { start: s.start, end: s.end, caption: true } : { start: s.start, end: s.end },
        ),
      },
      // Day words resolve against when the source reported, from metadata or its own date stamp.
      published: time,
      sentences,
      headlines: clean.headlines,
    };
  });

  phase('clean + sentences');
  const { inputs, places, bodyCount } = corpusMentions(
    prepared.map((p) => ({
      source: p.source.id,
      text: p.source.text,
      sentences: p.sentences,
      headlines: p.headlines,
    })),
  );
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
        verbs: [...s.tags]
          .filter(([at, tag]) => tag === 'VERB' && at >= s.start && at < s.end)
          .map(([at]) => at - s.start),
      });
    });
  });
  const sources = prepared.map((p) => p.source);
  const { paraphrases, synonyms } = lexiconOf(sources, wordnet);
  // Facts read the map's phrases ("put forward" is "submit") and the corpus's noun synonyms
  // ("revolt" is "uprising"), not its word families: a family would make every clause that says
  // "defection" one report with every "defected", whatever else it states.
  const phrases: Record<string, string> = {
    ...synonyms,
    ...Object.fromEntries(Object.entries(paraphrases).filter(([k]) => k.includes(' '))),
  };
  phase('paraphrases');
  const facts = buildFacts(factSentences, {
    readWords: (stems) => readConcepts(stems, phrases),
    ...(options.onLink ? { onLink: options.onLink } : {}),
    ...(options.onPhase
      ? { onPhase: (name: string, ms: number) => options.onPhase?.(`  facts: ${name}`, ms) }
      : {}),
  });
  mark = Date.now();
  phase('facts');
  const origins = assignOrigins(sources, facts);
  phase('origins');
  attributeMembers(facts);
  phase('attributions');
  placeInTime(sources, facts);
  phase('times');
  const partial = {
    version: INDEX_VERSION,
    generator: `crossread indexer: ${sources.length} sources, ${entities.length} entities, ${facts.length} facts`,
    sources,
    entities,
    facts,
    origins,
  };
  const matcher = buildMatcherData(partial, paraphrases);
  const roles = rolesOf(facts, wordnet);
  if (Object.keys(roles).length) matcher.roles = roles;
  const seats = compileSeats(entities, wordnet);
  if (Object.keys(seats).length) matcher.seats = seats;
  const index: CorpusIndex = { ...partial, matcher };
  phase('matcher');
  const valid = validateIndex(index);
  phase('validate');
  return valid;
}

/** The credit an article prints for its copy: a named one before a generic "Agencies". */
function creditOf(raw: string): { credit?: string } {
  const credit = preferredCredit(findCredits(raw).map((c) => c.name));
  return credit ? { credit } : {};
}

/**
 * The corpus's words read through WordNet (core/lexicon/paraphrases): the paraphrase map for the
 * page matcher and the noun synonyms for fact grouping. Each word's senses are read once.
 */
function lexiconOf(
  sources: readonly Source[],
  wordnet: Required<Lexicon>,
): {
  paraphrases: Record<string, string>;
  synonyms: Record<string, string>;
} {
  const words = new Set<string>();
  for (const s of sources)
    for (const t of tokenize(s.text)) if (/^\p{Ll}{3,}$/u.test(t.text)) words.add(t.text);
  const read = new Map<string, Sense[]>();
  const lexicon: Lexicon = {
    senses(word) {
      let senses = read.get(word);
      if (!senses) {
        senses = wordnet.senses(word);
        read.set(word, senses);
      }
      return senses;
    },
    usage: (word) => wordnet.usage(word),
  };
  return { paraphrases: compileParaphrases(words, lexicon), synonyms: compileSynonyms(words, lexicon) };
}

/** The kinds of the corpus's rank roles ("envoy" of "diplomat"), read through WordNet (core/lexicon/roles). */
function rolesOf(facts: readonly Fact[], wordnet: Required<Lexicon>): Record<string, string> {
  const roles = new Set<string>();
  for (const f of facts)
    for (const m of f.members)
      for (const v of m.values ?? [])
        if (v.kind === 'ordinal') {
          const last = /(\p{L}+)$/u.exec(v.text)?.[1];
          if (last) roles.add(last);
        }
  return roles.size === 0 ? {} : compileRoles(roles, wordnet);
}

/** One-paragraph summary: sources, entities by type, facts by status. */
export function summarize(index: CorpusIndex): string {
  return [
    `${index.sources.length} sources`,
    `${index.entities.length} entities (${counts(index.entities.map((e) => e.type))})`,
    `${index.facts.length} facts (${counts(index.facts.map((f) => f.status))})`,
  ].join('; ');
}
