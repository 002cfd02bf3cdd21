/**
 * Several indexes read as one: the bundled seed index and the reader's own corpus are matched
 * together, so the page matcher, the cards and the popup see a single index. Ids are positional
 * in the merged index (s0…, e0…, f0…, o0…) and every reference is rewritten; each source keeps
 * which corpus it came from. Word maps (paraphrases, roles) are joined, the first index's reading
 * of a word kept where two differ.
 */
import type { CorpusIndex, Fact, MatcherData, Origin, Source } from './schema.ts';
import { INDEX_VERSION } from './schema.ts';

export interface IndexPart {
  index: CorpusIndex;
  /** Which corpus its sources come from ("bundled", "reader"): shown beside each source. */
  corpus: string;
}

/** New positional ids of one kind; an index's own ids are read in that index's part only. */
class Ids {
  private map = new Map<string, string>();
  private next = 0;
  constructor(private readonly prefix: string) {}
  /** Starts the next part: its ids are its own, numbering goes on. */
  part(): this {
    this.map = new Map();
    return this;
  }
  add(old: string): string {
    const id = `${this.prefix}${this.next++}`;
    this.map.set(old, id);
    return id;
  }
  get(old: string): string {
    const id = this.map.get(old);
    if (id === undefined) throw new Error(`merge: unknown id ${old}`);
    return id;
  }
}

/** Merges validated indexes into one. One part comes back unchanged but for the corpus names. */
export function mergeIndexes(parts: readonly IndexPart[]): CorpusIndex {
  const sources: Source[] = [];
  const entities: CorpusIndex['entities'] = [];
  const facts: Fact[] = [];
  const origins: Origin[] = [];
  const matcher: MatcherData = { names: [], claims: [] };
  const ids = { s: new Ids('s'), e: new Ids('e'), f: new Ids('f'), o: new Ids('o') };
  for (const { index, corpus } of parts) {
    const s = ids.s.part();
    const e = ids.e.part();
    const f = ids.f.part();
    const o = ids.o.part();
    for (const src of index.sources) sources.push({ ...src, id: s.add(src.id), corpus });
    for (const ent of index.entities)
      entities.push({
        ...ent,
        id: e.add(ent.id),
        aliases: ent.aliases.map((a) => ({ ...a, sources: a.sources.map((x) => s.get(x)) })),
      });
    for (const org of index.origins ?? [])
      origins.push({ ...org, id: o.add(org.id), sources: org.sources.map((x) => s.get(x)) });
    for (const fact of index.facts) {
      const merged: Fact = {
        ...fact,
        id: f.add(fact.id),
        entities: fact.entities.map((x) => e.get(x)),
        members: fact.members.map((m) => ({
          ...m,
          source: s.get(m.source),
          ...(m.origin !== undefined ? { origin: o.get(m.origin) } : {}),
        })),
        differences: fact.differences.map((d) => ({
          ...d,
          values: d.values.map((v) => ({ ...v, source: s.get(v.source) })),
        })),
      };
      if (fact.timeline)
        merged.timeline = {
          ...fact.timeline,
          steps: fact.timeline.steps.map((st) => ({ ...st, sources: st.sources.map((x) => s.get(x)) })),
        };
      facts.push(merged);
    }
    const m = index.matcher;
    for (const n of m.names) matcher.names.push({ ...n, entity: e.get(n.entity) });
    for (const c of m.claims)
      matcher.claims.push({
        ...c,
        fact: f.get(c.fact),
        source: s.get(c.source),
        ...(c.entities ? { entities: c.entities.map((x) => e.get(x)) } : {}),
      });
    if (m.people) matcher.people = [...(matcher.people ?? []), ...m.people.map((x) => e.get(x))];
    for (const field of ['seats', 'channels'] as const) {
      const map = m[field];
      if (!map) continue;
      const out = matcher[field] ?? {};
      for (const [k, v] of Object.entries(map)) out[e.get(k)] = field === 'seats' ? e.get(v) : v;
      matcher[field] = out;
    }
    for (const field of ['paraphrases', 'roles'] as const) {
      const map = m[field];
      if (!map) continue;
      const out = matcher[field] ?? {};
      for (const [k, v] of Object.entries(map)) if (!Object.hasOwn(out, k)) out[k] = v;
      matcher[field] = out;
    }
  }
  return {
    version: INDEX_VERSION,
    generator: `crossread: ${parts.map((p) => `${p.corpus} ${p.index.sources.length}`).join(' + ')} sources`,
    sources,
    entities,
    facts,
    ...(origins.length ? { origins } : {}),
    matcher,
  };
}
