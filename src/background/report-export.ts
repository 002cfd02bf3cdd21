/**
 * The page's cross-check as a file to take away: the report (core/report) of the page the
 * popup or panel shows, against the index that page was matched with, as JSON and Markdown.
 */
import browser from 'webextension-polyfill';
import { crossCheckReport } from '../core/report/cross-check.ts';
import { reportMarkdown } from '../core/report/report-markdown.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import type { ExportedReport } from '../messaging/popup-protocol.ts';
import { loadIndexFor } from './load-index.ts';

/** A file name from the page's title: letters, digits and dashes, at most 60. */
function fileName(title: string | null, checked: string): string {
  const base = (title ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `crossread-${base || 'page'}-${checked.slice(0, 10)}`;
}

export async function exportReport(payload: unknown, now = new Date()): Promise<ExportedReport> {
  const report = asPageReport((payload as { report?: unknown } | null)?.report);
  if (!report) throw new Error('bad payload: expected {report: PageReport}');
  const loaded = await loadIndexFor(report.url);
  if (!loaded.index) throw new Error(loaded.error);
  const checked = now.toISOString();
  const title = report.title?.trim() || null;
  const data = crossCheckReport(loaded.index, { ...report, title }, checked);
  const msg = (key: string, subs?: string[]) => browser.i18n.getMessage(key, subs);
  return {
    json: `${JSON.stringify(data, null, 2)}\n`,
    markdown: reportMarkdown(data, msg),
    file: fileName(title, checked),
  };
}
