/**
 * The index as it reads to the page that is one of its sources: a page is never cross-checked
 * against itself, so that source's members, signatures and names are left out, a fact only it
 * reported goes, and a fact's status is read again from the sources that remain (a conflict with
 * the page's own report is no conflict on that page). Ids are kept, so cards and links still
 * resolve.
 */
import { factStatus } from './fact-assemble.ts';
import type { CorpusIndex, Fact } from './schema.ts';

/** A difference stands while two remaining sources give it different value sets. */
function stillDiffers(d: Fact['differences'][number]): boolean {
  const bySource = new Map<string, Set<string>>();
  for (const v of d.values) bySource.set(v.source, (bySource.get(v.source) ?? new Set()).add(v.value));
  const sets = [...bySource.values()].map((vs) => [...vs].sort().join('|'));
  return new Set(sets).size > 1;
}

export function withoutSource(index: CorpusIndex, source: string): CorpusIndex {
  if (!index.sources.some((s) => s.id === source)) return index;
  const facts: Fact[] = [];
  for (const fact of index.facts) {
    const members = fact.members.filter((m) => m.source !== source);
    if (members.length === 0) continue;
    if (members.length === fact.members.length) {
      facts.push(fact);
      continue;
    }
    const differences = fact.differences
      .map((d) => ({ ...d, values: d.values.filter((v) => v.source !== source) }))
      .filter(stillDiffers);
    const kept: Fact = {
      ...fact,
      // With no difference left, a member that differed from the left-out source agrees.
      members: differences.length
        ? members
        : members.map((m) => (m.stance === 'conflicts' ? { ...m, stance: 'agrees' } : m)),
      differences,
    };
    if (fact.timeline) {
      const steps = fact.timeline.steps
        .map((st) => ({ ...st, sources: st.sources.filter((s) => s !== source) }))
        .filter((st) => st.sources.length > 0);
      if (steps.length > 1) kept.timeline = { ...fact.timeline, steps };
      else delete kept.timeline;
    }
    kept.status = factStatus(differences.length, new Set(members.map((m) => m.source)).size);
    facts.push(kept);
  }
  const factIds = new Set(facts.map((f) => f.id));
  const entities = index.entities
    .map((e) => ({
      ...e,
      aliases: e.aliases
        .map((a) => ({ ...a, sources: a.sources.filter((s) => s !== source) }))
        .filter((a) => a.sources.length > 0),
    }))
    .filter((e) => e.aliases.length > 0);
  const entityIds = new Set(entities.map((e) => e.id));
  const keepEntity = (id: string) => entityIds.has(id);
  const m = index.matcher;
  const pick = (map: Record<string, string> | undefined, values: boolean) =>
    map
      ? Object.fromEntries(
          Object.entries(map).filter(([k, v]) => keepEntity(k) && (!values || keepEntity(v))),
        )
      : undefined;
  const seats = pick(m.seats, true);
  const channels = pick(m.channels, false);
  return {
    ...index,
    sources: index.sources.filter((s) => s.id !== source),
    entities,
    facts: facts.map((f) => ({ ...f, entities: f.entities.filter(keepEntity) })),
    ...(index.origins
      ? {
          origins: index.origins
            .map((o) => ({ ...o, sources: o.sources.filter((s) => s !== source) }))
            .filter((o) => o.sources.length > 0),
        }
      : {}),
    matcher: {
      ...m,
      names: m.names.filter((n) => keepEntity(n.entity)),
      claims: m.claims
        .filter((c) => c.source !== source && factIds.has(c.fact))
        .map((c) => (c.entities ? { ...c, entities: c.entities.filter(keepEntity) } : c)),
      ...(m.people ? { people: m.people.filter(keepEntity) } : {}),
      ...(seats ? { seats } : {}),
      ...(channels ? { channels } : {}),
    },
  };
}
