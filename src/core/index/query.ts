/**
 * Pure lookups over a loaded corpus index, for the popup: fact summaries, the facts a
 * name is involved in, the "this page leaves out" lens, and the corpus search by name, word or
 * phrase in any spelling close to one the corpus uses.
 *
 * The background runs these against the one loaded index and sends the popup only the result, so
 * the popup never holds the whole corpus.
 */
import { isParticle, isTitle, tokenKey } from '../entities/name-key.ts';
import { searchWords, wordMatch } from './query-text.ts';
import { type FactReports, reportsOf, SEVERITY, type SharedReport } from './reports.ts';
import type { CorpusIndex, Entity, Fact, FactStatus, Source, Stance } from './schema.ts';
import type { Timeline } from './timeline.ts';

/** A fact as lists show it: status, label, how many outlets and how each relates to it. */
export interface FactSummary {
  id: string;
  status: FactStatus;
  label: string;
  /** Distinct sources reporting it. */
  sources: number;
  /** Distinct sources per stance (a source with several members counts by its most severe stance). */
  stances: Record<Stance, number>;
  /** The outlets (see {@link sourceLabel}) reporting it, in index order. */
  outlets: string[];
  /** The ids of the sources reporting it, in index order (same order as `outlets`). */
  sourceIds: string[];
  /** Distinct reports per stance: sources printing one wire story count once (core/index/reports). */
  reports: FactReports['reports'];
  /** The reports several of its sources print, with their credit. */
  copies: SharedReport[];
  /** How its values changed from report to report, when its sources' times say so. */
  timeline: Timeline | null;
  /** Reporting sources whose time is unknown (no publication date, no date stamp). */
  undated: number;
}

/** A name found by the lookup, with the spelling that matched the query. */
export interface EntityMatch {
  id: string;
  name: string;
  type: string;
  /** The corpus spelling closest to the query (may differ from `name`). */
  spelling: string;
  /** True when the query matched a spelling only approximately (a spelling the corpus never used). */
  approximate: boolean;
}

/**
 * How a source is named in lists: its outlet, else its title, else its file (the same order the
 * hover cards use, so a source reads the same everywhere).
 */
export function sourceLabel(source: Pick<Source, 'id' | 'outlet' | 'title' | 'file'>): string {
  return source.outlet || source.title || source.file || source.id;
}

/** {@link sourceLabel} by source id; the id itself when the source is unknown. */
export function outletOf(index: CorpusIndex, sourceId: string): string {
  const source = index.sources.find((s) => s.id === sourceId);
  return source ? sourceLabel(source) : sourceId;
}

/** Summarises one fact for lists (see {@link FactSummary}). */
export function summarizeFact(index: CorpusIndex, fact: Fact): FactSummary {
  const bySource = new Map<string, Stance>();
  for (const m of fact.members) {
    const seen = bySource.get(m.source);
    if (!seen || SEVERITY[m.stance] > SEVERITY[seen]) bySource.set(m.source, m.stance);
  }
  const stances: Record<Stance, number> = { agrees: 0, partial: 0, conflicts: 0 };
  for (const stance of bySource.values()) stances[stance]++;
  const reporting = index.sources.filter((s) => bySource.has(s.id));
  return {
    id: fact.id,
    status: fact.status,
    label: fact.label,
    sources: bySource.size,
    stances,
    outlets: reporting.map(sourceLabel),
    sourceIds: reporting.map((s) => s.id),
    ...reportsOf(index, fact),
    timeline: fact.timeline ?? null,
    undated: reporting.filter((s) => !s.time).length,
  };
}

/** Facts by id, in the order asked, skipping unknown ids. */
export function factsById(index: CorpusIndex, ids: readonly string[]): Fact[] {
  const byId = new Map(index.facts.map((f) => [f.id, f]));
  return ids.map((id) => byId.get(id)).filter((f): f is Fact => f !== undefined);
}

/** Conflicts first, then single-source, then corroborated; more sources first within a status. */
export function byAttention(a: FactSummary, b: FactSummary): number {
  const rank: Record<FactStatus, number> = { conflict: 0, single: 1, corroborated: 2 };
  return rank[a.status] - rank[b.status] || b.sources - a.sources;
}

/** The facts that involve an entity, conflicts first. */
export function factsInvolving(index: CorpusIndex, entityId: string): FactSummary[] {
  return index.facts
    .filter((f) => f.entities.includes(entityId))
    .map((f) => summarizeFact(index, f))
    .sort(byAttention);
}

/**
 * "This page leaves out": facts that two or more sources report and that are not among the facts
 * the page states (`present`), most reported first.
 */
export function leftOut(index: CorpusIndex, present: Iterable<string>): FactSummary[] {
  const onPage = new Set(present);
  return index.facts
    .filter((f) => !onPage.has(f.id))
    .map((f) => summarizeFact(index, f))
    .filter((f) => f.sources >= 2)
    .sort((a, b) => b.sources - a.sources || byAttention(a, b));
}

/** Precomputed search words for one index; build once per loaded index with {@link prepareLookup}. */
export interface LookupTable {
  index: CorpusIndex;
  spellings: { entity: Entity; text: string; words: string[]; keys: string[] }[];
  /** Every distinct word of the fact texts, with the facts using it. */
  vocabulary: Map<string, Set<number>>;
  /** The spelling key (core/entities/name-key) of each vocabulary word. */
  vocabularyKeys: Map<string, string>;
  /** Each fact's texts (label and member sentences) as joined search words, for phrase matches. */
  phrases: string[][];
}

/** Folds every spelling and fact text of the index into search words. */
export function prepareLookup(index: CorpusIndex): LookupTable {
  const spellings: LookupTable['spellings'] = [];
  for (const entity of index.entities) {
    const texts = new Set([entity.name, ...entity.aliases.map((a) => a.text)]);
    for (const text of texts) {
      const words = searchWords(text);
      spellings.push({ entity, text, words, keys: words.map(tokenKey) });
    }
  }
  const vocabulary = new Map<string, Set<number>>();
  const phrases: string[][] = [];
  index.facts.forEach((fact, i) => {
    const texts = [fact.label, ...fact.members.map((m) => m.text)];
    phrases.push(texts.map((t) => ` ${searchWords(t).join(' ')} `));
    for (const text of texts) {
      for (const word of searchWords(text)) {
        const facts = vocabulary.get(word) ?? new Set<number>();
        vocabulary.set(word, facts);
        facts.add(i);
      }
    }
  });
  const vocabularyKeys = new Map([...vocabulary.keys()].map((w) => [w, tokenKey(w)]));
  return { index, spellings, vocabulary, vocabularyKeys, phrases };
}

/**
 * One query word against one corpus word: {@link wordMatch}, or 2 when both have the same
 * spelling key (a transliteration the index accepts: "Youssef" for "Yusuf", "Hakeem" for "Hakim").
 */
function matchWord(
  q: string,
  qKey: string,
  word: string,
  wordKey: string,
  typing: boolean,
  minPrefix: number,
) {
  const score = wordMatch(q, word, typing, minPrefix);
  if (score >= 2) return score;
  return qKey && qKey === wordKey && !/\d/.test(q) ? 2 : score;
}

/** The query's words less titles and particles ("Mr", "al"), unless nothing else is left. */
function meaningful(words: string[]): string[] {
  const kept = words.filter((w) => !isTitle(w) && !isParticle(w));
  return kept.length ? kept : words;
}

/** Scores one spelling against the query words; 0 when some query word matches none of its words. */
function spellingScore(
  query: string[],
  queryKeys: string[],
  spelling: { words: string[]; keys: string[] },
): { score: number; approximate: boolean } {
  let score = 0;
  let approximate = false;
  const { words } = spelling;
  for (let i = 0; i < query.length; i++) {
    const typing = i === query.length - 1;
    let best = 0;
    // After a complete first word, one typed letter of the next already narrows ("Laila H").
    const minPrefix = query.length > 1 ? 1 : 2;
    words.forEach((w, j) => {
      best = Math.max(best, matchWord(query[i]!, queryKeys[i]!, w, spelling.keys[j]!, typing, minPrefix));
    });
    if (best === 0) return { score: 0, approximate };
    if (best < 3 && !words.some((w) => w.startsWith(query[i]!))) approximate = true;
    score += best;
  }
  // A query naming the whole spelling beats one naming part of it.
  if (query.length === words.length) score += 1;
  return { score, approximate };
}

/**
 * Searches the corpus: names whose spellings match every query word (exactly, as a prefix of
 * the word being typed, or within a small edit distance), and facts whose label or member
 * sentences contain every query word, a whole-phrase match first.
 */
export function lookup(
  table: LookupTable,
  query: string,
  limits: { entities: number; facts: number } = { entities: 6, facts: 12 },
): { entities: EntityMatch[]; facts: FactSummary[] } {
  const all = searchWords(query).slice(0, 12);
  if (all.length === 0) return { entities: [], facts: [] };
  const words = meaningful(all);
  const keys = words.map(tokenKey);

  const entityHits = new Map<string, { match: EntityMatch; score: number; mentions: number }>();
  for (const spelling of table.spellings) {
    const { entity, text } = spelling;
    const { score, approximate } = spellingScore(words, keys, spelling);
    if (score === 0) continue;
    const seen = entityHits.get(entity.id);
    if (seen && seen.score >= score) continue;
    entityHits.set(entity.id, {
      match: { id: entity.id, name: entity.name, type: entity.type, spelling: text, approximate },
      score,
      mentions: entity.mentions,
    });
  }
  const entities = [...entityHits.values()]
    .sort((a, b) => b.score - a.score || b.mentions - a.mentions)
    .slice(0, limits.entities)
    .map((h) => h.match);

  // Facts: each query word must reach some word of the fact; the vocabulary is matched once.
  let candidates: Map<number, number> | null = null;
  words.forEach((q, i) => {
    const typing = i === words.length - 1;
    const reached = new Map<number, number>();
    for (const [word, facts] of table.vocabulary) {
      const score = matchWord(q, keys[i]!, word, table.vocabularyKeys.get(word) ?? '', typing, 2);
      if (score === 0) continue;
      for (const f of facts) reached.set(f, Math.max(reached.get(f) ?? 0, score));
    }
    const next = new Map<number, number>();
    for (const [f, score] of reached) {
      if (candidates === null || candidates.has(f)) next.set(f, (candidates?.get(f) ?? 0) + score);
    }
    candidates = next;
  });
  const phrase = ` ${all.join(' ')} `;
  const factHits = [...(candidates ?? new Map<number, number>())].map(([i, score]) => {
    const whole = table.phrases[i]!.some((p) => p.includes(phrase));
    return { i, score: score + (whole && words.length > 1 ? 10 : 0) };
  });
  const facts = factHits
    .map((h) => ({ ...h, summary: summarizeFact(table.index, table.index.facts[h.i]!) }))
    .sort((a, b) => b.score - a.score || byAttention(a.summary, b.summary))
    .slice(0, limits.facts)
    .map((h) => h.summary);
  return { entities, facts };
}
