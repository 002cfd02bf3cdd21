/**
 * The page summary's data for a page report's facts and names, from the loaded index: built for
 * `popup/start` and `popup/page`, and kept for a popup opened later (./page-reports.ts).
 */
import { type FactSummary, factsById, leftOut, summarizeFact } from '../core/index/query.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import type { PageReport } from '../messaging/content-protocol.ts';
import { type PageFact, type PageView, pageRequest } from '../messaging/popup-protocol.ts';

/** A summary without its outlet names (the popup shows them from the source ids). */
function pageFact({ outlets: _outlets, ...fact }: FactSummary): PageFact {
  return fact;
}

/** What the page summary shows for these facts and names. */
export function pageView(index: CorpusIndex, factIds: string[], nameIds: Set<string>): PageView {
  return {
    facts: factsById(index, factIds).map((f) => pageFact(summarizeFact(index, f))),
    names: index.entities
      .filter((e) => nameIds.has(e.id))
      .map((e) => ({ id: e.id, name: e.name, type: e.type })),
    leftOut: leftOut(index, factIds).map(pageFact),
  };
}

// Built once per report: when the page settles (kept for the popup) and again at popup/start.
const built = new WeakMap<PageReport, { index: CorpusIndex; view: PageView | null }>();

/** The summary's data for a report, or null when the report has nothing to summarise. */
export function viewOfReport(index: CorpusIndex, report: PageReport | null): PageView | null {
  if (!report) return null;
  const known = built.get(report);
  if (known?.index === index) return known.view;
  const request = pageRequest(report);
  const view = request ? pageView(index, request.facts, new Set(request.names)) : null;
  built.set(report, { index, view });
  return view;
}
