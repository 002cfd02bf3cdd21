/**
 * Groups the sentences of all sources into facts. The unit is the clause, so a
 * sentence stating several facts is a member of each with its span. Two signals link clauses
 * of different sources: lexical similarity (char 4-gram Jaccard, idf-weighted content-word
 * overlap) and claim slots (the same quantity, rank, channel or official reaction reported in
 * a related sentence, whatever the value: lexical similarity alone cannot align a conflicting
 * number). Candidates come from an inverted index over words and slot keys, never all pairs.
 */
import { pushTo } from '../collections.ts';
import { averageLink } from './average-link.ts';
import { assemble } from './fact-assemble.ts';
import { type LinkContext, lexicalLinks } from './fact-links.ts';
import { FACT_THRESHOLDS } from './fact-thresholds.ts';
import { clauseUnits, type FactSentence } from './fact-units.ts';
import type { Fact } from './schema.ts';
import { slotClusters } from './slot-links.ts';
import { storiesOf } from './stories.ts';

export type { FactSentence };

/** Options: `onLink` reports every link with its reason (for `npm run eval -- --verbose` and tuning). */
export interface BuildFactsOptions {
  onLink?: (a: string, b: string, why: string) => void;
  /** Reports each step's duration in milliseconds (bench). */
  onPhase?: (name: string, ms: number) => void;
  /** Reads a clause's stems, in text order, as concepts (the corpus's paraphrase map): "put forward" meets "submit". */
  readWords?: (stems: string[]) => string[];
}

export function buildFacts(sentences: readonly FactSentence[], options: BuildFactsOptions = {}): Fact[] {
  let mark = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const say = (i: number, j: number, why: string) => {
    if (!options.onLink) return;
    const text = (k: number) => {
      const u = units[k]!;
      return `${sentences[u.s]!.source}: ${sentences[u.s]!.text.slice(u.start, u.end).slice(0, 70)}`;
    };
    options.onLink(text(i), text(j), why);
  };
  const { units, sentenceWords } = clauseUnits(sentences, options.readWords);

  phase('units');
  // Inverse document frequency over clauses.
  const df = new Map<string, number>();
  for (const u of units) for (const w of u.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + units.length / (df.get(w) ?? 1));
  const weight = (ws: string[]) => ws.reduce((n, w) => n + idf(w), 0);
  const unitWeight = units.map((u) => weight(u.words));
  // A constant cap keeps candidate generation linear in the corpus size.
  const maxDf = 60;

  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const w of u.words) {
      if ((df.get(w) ?? 0) > maxDf) continue;
      let list = postings.get(w);
      if (!list) {
        list = [];
        postings.set(w, list);
      }
      list.push(i);
    }
  });

  phase('postings');
  // Stories: sources that name mostly the same entities report the same events.
  const story = storiesOf(sentences);
  if (options.onLink) options.onLink('stories', JSON.stringify([...story.entries()]), 'stories');

  phase('stories');
  const ctx: LinkContext = { units, sentences, idf, df, maxDf, unitWeight, postings, story, say };
  const links = lexicalLinks(ctx);

  const uf = averageLink(units.length, links, (i) => sentences[units[i]!.s]!.source, FACT_THRESHOLDS.linkage);

  phase('lexical links');
  const slotClustered = slotClusters(ctx, sentenceWords);

  phase('slot links');
  // Clusters of units: lexical ones, then slot ones not already inside one lexical cluster.
  const clusters = new Map<number, number[]>();
  units.forEach((_, i) => {
    const r = uf.find(i);
    pushTo(clusters, r, i);
  });
  const groups: number[][] = [];
  for (const members of clusters.values()) groups.push(members);
  const seenGroups = new Set<string>();
  for (const members of slotClustered) {
    const sig = members.join(',');
    if (seenGroups.has(sig)) continue;
    seenGroups.add(sig);
    const tally = new Map<number, number>();
    for (const i of members) tally.set(uf.find(i), (tally.get(uf.find(i)) ?? 0) + 1);
    const [root, n] = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    if (tally.size === 1) continue;
    // Mostly one lexical fact already: the slot reports join it rather than forming a twin.
    const host = clusters.get(root);
    if (host && n >= members.length - 1) {
      const inHost = new Set(host);
      for (const i of members) if (!inHost.has(i)) host.push(i);
      host.sort((a, b) => a - b);
      continue;
    }
    // A lexical fact that lies wholly inside the slot cluster is the same report: it joins the
    // slot fact instead of standing beside it as a twin that shares its members.
    const merged = new Set(members);
    for (const [r] of tally) {
      const lexical = clusters.get(r);
      if (!lexical || lexical.length < 2 || !lexical.every((i) => merged.has(i))) continue;
      lexical.length = 0;
    }
    groups.push([...merged].sort((a, b) => a - b));
  }

  // Sentences that are members of a multi-source fact; others become single facts.
  const sourcesOf = (g: number[]) => new Set(g.map((i) => sentences[units[i]!.s]!.source));
  const facts: { units: number[] }[] = [];
  const inFact = new Set<number>();
  for (const g of groups) {
    if (sourcesOf(g).size < 2) continue;
    facts.push({ units: g });
    for (const i of g) inFact.add(i);
  }
  // Every clause belongs to a fact: a sentence's clauses in no multi-source fact form its single fact.
  const singles = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (inFact.has(i)) return;
    pushTo(singles, u.s, i);
  });
  for (const g of singles.values()) facts.push({ units: g });

  phase('clusters');
  const built = facts.map((f) => assemble(f.units, units, sentences));
  built.sort((a, b) => a.order - b.order || a.fact.members.length - b.fact.members.length);
  phase('assemble');
  return built.map((b, i) => ({ ...b.fact, id: `f${i}` }));
}
