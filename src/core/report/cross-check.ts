/**
 * The cross-check of one page, to take away: each claim the page makes that the corpus also
 * reports, with its status and every source's own words, stance, report (origin) and
 * attribution, a link that opens the source at its sentence; and each name with its spellings
 * per outlet. The JSON form is versioned (docs/report-format.md); the Markdown form
 * (./report-markdown.ts) is rendered from it.
 */
import { memberAttributions } from '../index/attributions.ts';
import { sourceLabel } from '../index/query.ts';
import { reportsOf } from '../index/reports.ts';
import type { CorpusIndex, EntityType, Fact, FactStatus, Source, Stance } from '../index/schema.ts';
import { textFragmentLink } from './text-fragment.ts';

export const REPORT_KIND = 'crossread-report';
/** Bumped when a field changes meaning or disappears; fields are only ever added within a version. */
export const REPORT_VERSION = 1;

/** What the page said, as the content script reported it. */
export interface CheckedPage {
  url: string;
  title: string | null;
  claims: { ids: string[]; status: FactStatus; text: string }[];
  names: { id: string; count: number }[];
}

export interface ReportSource {
  outlet: string;
  title: string | null;
  url: string | null;
  /** When it reported (index `time`, else `published`), ISO date; null when unknown. */
  time: string | null;
  /** Which corpus it comes from: "bundled", "reader", "imported". */
  corpus: string;
  stance: Stance;
  /** The source's own sentence. */
  words: string;
  /** Whom the source attributes the fact to, then values it attributes to others. */
  attributions: string[];
  /** The report it prints, when other sources print it too (one wire story): its credit. */
  sharedReport: { id: string; credit: string | null; sources: number } | null;
  /** The source's URL opened at this sentence (a text fragment); null without a URL. */
  link: string | null;
}

export interface ReportFact {
  id: string;
  label: string;
  status: FactStatus;
  /** Distinct sources, and distinct reports (sources printing one wire story count once). */
  sourceCount: number;
  reportCount: number;
  sources: ReportSource[];
  /** Sources of the corpus that do not report it. */
  notReported: string[];
}

export interface ReportClaim {
  /** The page's own sentence. */
  text: string;
  status: FactStatus;
  facts: ReportFact[];
}

export interface ReportName {
  name: string;
  type: EntityType;
  /** Times the page names it. */
  onPage: number;
  spellings: { text: string; outlets: string[] }[];
}

export interface CrossCheckReport {
  kind: typeof REPORT_KIND;
  version: typeof REPORT_VERSION;
  page: { title: string | null; url: string; checked: string };
  corpus: { sources: number; facts: number };
  claims: ReportClaim[];
  names: ReportName[];
}

const STATUS_ORDER: Record<FactStatus, number> = { conflict: 0, corroborated: 1, single: 2 };
const STANCE_ORDER: Record<Stance, number> = { conflicts: 0, partial: 1, agrees: 2 };

/** The corpus's sources by id, and their place in the index: made once per report. */
interface SourceTable {
  byId: Map<string, Source>;
  order: Map<string, number>;
}

function reportFact(index: CorpusIndex, { byId: sources, order }: SourceTable, fact: Fact): ReportFact {
  const { reports, copies } = reportsOf(index, fact);
  const shared = new Map(copies.map((c) => [c.origin, c]));
  const rows = [...fact.members]
    .sort(
      (a, b) =>
        STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] ||
        (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0),
    )
    .map((m): ReportSource => {
      const s = sources.get(m.source);
      const copy = m.origin === undefined ? undefined : shared.get(m.origin);
      return {
        outlet: s ? sourceLabel(s) : m.source,
        title: s?.title ?? null,
        url: s?.url ?? null,
        time: s?.time ?? s?.published ?? null,
        corpus: s?.corpus ?? 'bundled',
        stance: m.stance,
        words: m.text,
        attributions: memberAttributions(m),
        sharedReport: copy ? { id: copy.origin, credit: copy.credit, sources: copy.sources.length } : null,
        link: textFragmentLink(s?.url, m.text),
      };
    });
  const reporting = new Set(fact.members.map((m) => m.source));
  return {
    id: fact.id,
    label: fact.label,
    status: fact.status,
    sourceCount: reporting.size,
    reportCount: reports.agrees + reports.partial + reports.conflicts,
    sources: rows,
    notReported: index.sources.filter((s) => !reporting.has(s.id)).map(sourceLabel),
  };
}

/** The report of `page` against `index`, checked at `checked` (ISO time). */
export function crossCheckReport(index: CorpusIndex, page: CheckedPage, checked: string): CrossCheckReport {
  const facts = new Map(index.facts.map((f) => [f.id, f]));
  const table: SourceTable = {
    byId: new Map(index.sources.map((s) => [s.id, s])),
    order: new Map(index.sources.map((s, i) => [s.id, i])),
  };
  const claims = page.claims
    .map((c): ReportClaim => {
      const found = c.ids.map((id) => facts.get(id)).filter((f): f is Fact => f !== undefined);
      return { text: c.text, status: c.status, facts: found.map((f) => reportFact(index, table, f)) };
    })
    .filter((c) => c.facts.length > 0)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => STATUS_ORDER[a.c.status] - STATUS_ORDER[b.c.status] || a.i - b.i)
    .map(({ c }) => c);
  const entities = new Map(index.entities.map((e) => [e.id, e]));
  const names = page.names
    .map(({ id, count }): ReportName | null => {
      const e = entities.get(id);
      if (!e) return null;
      return {
        name: e.name,
        type: e.type,
        onPage: count,
        spellings: e.aliases.map((a) => ({
          text: a.text,
          outlets: [...new Set(a.sources.map((s) => table.byId.get(s)))]
            .filter((s) => s !== undefined)
            .map(sourceLabel),
        })),
      };
    })
    .filter((n): n is ReportName => n !== null);
  return {
    kind: REPORT_KIND,
    version: REPORT_VERSION,
    page: { title: page.title, url: page.url, checked },
    corpus: { sources: index.sources.length, facts: index.facts.length },
    claims,
    names,
  };
}
