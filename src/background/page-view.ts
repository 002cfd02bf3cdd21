/**
 * The page summary's data for a page report's facts and names, from the loaded index: built for
 * \`popup/start\` and \`popup/page\`, and kept for a popup opened later (./page-reports.ts).
 */
import { factsById, leftOut, summarizeFact } from '../core/index/query.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import type { PageReport } from '../messaging/content-protocol.ts';
import { type PageView, pageRequest } from '../messaging/popup-protocol.ts';

/** What the page summary shows for these facts and names. */
export function pageView(index: CorpusIndex, factIds: string[], nameIds: Set<string>): PageView {
  return {
    facts: factsById(index, factIds).map((f) => summarizeFact(index, f)),
    names: index.entities
      .filter((e) => nameIds.has(e.id))
      .map((e) => ({ id: e.id, name: e.name, type: e.type })),
    leftOut: leftOut(index, factIds),
  };
}

/** The summary's data for a report, or null when the report has nothing to summarise. */
export function viewOfReport(index: CorpusIndex, report: PageReport | null): PageView | null {
  const request = pageRequest(report);
  return request ? pageView(index, request.facts, new Set(request.names)) : null;
}
