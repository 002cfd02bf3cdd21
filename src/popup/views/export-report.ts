/**
 * "Export": the page's cross-check to take away, saved as Markdown or JSON, or copied as
 * Markdown. The report is made by the background from what the page reported (core/report); it
 * is asked for once per page report and reused by all three.
 */
import type { PageReport } from '../../messaging/content-protocol.ts';
import type { ExportedReport } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t } from '../i18n.ts';
import { value } from '../requests.ts';

function save(text: string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its bytes once the click is handled; the URL may go after that turn.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function exportBar(report: PageReport): HTMLElement {
  const said = h('p', { id: 'export-status', role: 'status', class: 'add-status' });
  let made: Promise<ExportedReport> | null = null;
  const run = (fn: (r: ExportedReport) => Promise<string> | string) => async () => {
    made ??= value('popup/report', { report });
    try {
      said.textContent = await fn(await made);
    } catch (error) {
      made = null;
      said.textContent = t('popupExportFailed', String((error as Error)?.message ?? error));
    }
  };
  const markdown = button(
    { class: 'secondary', id: 'export-markdown' },
    run((r) => {
      save(r.markdown, `${r.file}.md`, 'text/markdown');
      return t('popupExportSaved', `${r.file}.md`);
    }),
    t('popupExportMarkdown'),
  );
  const json = button(
    { class: 'secondary', id: 'export-json' },
    run((r) => {
      save(r.json, `${r.file}.json`, 'application/json');
      return t('popupExportSaved', `${r.file}.json`);
    }),
    t('popupExportJson'),
  );
  const copy = button(
    { class: 'secondary', id: 'copy-markdown' },
    run(async (r) => {
      await navigator.clipboard.writeText(r.markdown);
      return t('popupExportCopied');
    }),
    t('popupExportCopy'),
  );
  return h(
    'div',
    { class: 'add-article', id: 'export-bar', role: 'group', 'aria-label': t('popupExportHeading') },
    markdown,
    json,
    copy,
    said,
  );
}
