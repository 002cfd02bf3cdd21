/**
 * How many reports stand behind a fact, not how many sources: sources that print one wire story
 * are one report (core/index/origins). Every count a reader sees is read from here. An index
 * without origins (before version 3) counts each source as its own report.
 */
import type { CorpusIndex, Fact, Stance } from './schema.ts';

/** A report that more than one source of the fact prints. */
export interface SharedReport {
  origin: string;
  /** The credit its sources print ("Newswire"), else null. */
  credit: string | null;
  /** The sources of the fact that print it, in index order. */
  sources: string[];
  /** Its most severe stance among the fact's members. */
  stance: Stance;
}

export interface FactReports {
  /** Distinct reports per stance: a report counts once, by its most severe member stance. */
  reports: Record<Stance, number>;
  /** The reports printed by several of the fact's sources (empty when every source reports on its own). */
  copies: SharedReport[];
}

/** How severe a stance is: a source or report with several members counts by its most severe. */
export const SEVERITY: Record<Stance, number> = { agrees: 0, partial: 1, conflicts: 2 };

/** The reports behind `fact` (see {@link FactReports}). */
export function reportsOf(index: Pick<CorpusIndex, 'sources' | 'origins'>, fact: Fact): FactReports {
  const credit = new Map((index.origins ?? []).map((o) => [o.id, o.credit]));
  const order = new Map(index.sources.map((s, i) => [s.id, i]));
  const byOrigin = new Map<string, { stance: Stance; sources: Set<string> }>();
  for (const m of fact.members) {
    // Without an origin a member is its source's own report.
    const origin = m.origin ?? `#${m.source}`;
    const seen = byOrigin.get(origin);
    if (!seen) byOrigin.set(origin, { stance: m.stance, sources: new Set([m.source]) });
    else {
      seen.sources.add(m.source);
      if (SEVERITY[m.stance] > SEVERITY[seen.stance]) seen.stance = m.stance;
    }
  }
  const reports: Record<Stance, number> = { agrees: 0, partial: 0, conflicts: 0 };
  const copies: SharedReport[] = [];
  for (const [origin, { stance, sources }] of byOrigin) {
    reports[stance]++;
    if (sources.size < 2) continue;
    copies.push({
      origin,
      credit: credit.get(origin) ?? null,
      sources: [...sources].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      stance,
    });
  }
  copies.sort((a, b) => (order.get(a.sources[0]!) ?? 0) - (order.get(b.sources[0]!) ?? 0));
  return { reports, copies };
}
