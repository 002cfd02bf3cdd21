/**
 * The shape check for a page report the background keeps (`content/state`) and hands to the
 * popup: the content script is ours, but its messages cross a process boundary, and a report the
 * popup would trip over is dropped here instead (the popup then asks the page).
 */
import type { PageReport } from './content-protocol.ts';

const STATES = new Set<PageReport['state']>(['scanning', 'ready', 'off', 'error', 'not-article']);
const STATUSES = new Set(['corroborated', 'conflict', 'single']);
const MAX_ITEMS = 5000;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** The report, if it has the shape the popup relies on (the content script is ours, but checked). */
export function asPageReport(value: unknown): PageReport | null {
  const r = value as Partial<PageReport> | null;
  if (!r || typeof r !== 'object' || !STATES.has(r.state as PageReport['state'])) return null;
  if (typeof r.url !== 'string' || r.url.length > 8192) return null;
  if (r.title !== undefined && (typeof r.title !== 'string' || r.title.length > 2000)) return null;
  if (!Array.isArray(r.names) || !Array.isArray(r.claims)) return null;
  if (r.names.length > MAX_ITEMS || r.claims.length > MAX_ITEMS) return null;
  for (const n of r.names) if (!n || !isId(n.id) || typeof n.count !== 'number') return null;
  for (const c of r.claims) {
    if (!c || !Array.isArray(c.ids) || !c.ids.every(isId) || !STATUSES.has(c.status)) return null;
    if (typeof c.text !== 'string') return null;
  }
  return r as PageReport;
}
