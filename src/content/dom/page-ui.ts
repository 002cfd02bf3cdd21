/**
 * What crossread adds to the page besides marks, outside <body> (so the body's markup is only
 * ever changed by marks) and tagged `data-crossread-ui`: the hidden descriptions marks point at
 * with aria-describedby (screen readers hear what a highlight means; <mark> itself announces
 * where it starts and ends).
 *
 * The highlight styles are not here: they are the manifest's content-script CSS (content.css,
 * from src/content/highlights.css), which the browser puts in place before the page is built.
 * A <style> added at document_idle made Chromium re-check every element of the page for the new
 * rules: 8 ms on a news page, 160 ms (one long task) on a 5 MB page.
 */
import { DESCRIPTION_MESSAGES, type DescriptionKind } from '../../messaging/content-protocol.ts';
import { t } from './i18n.ts';

export const DESCRIPTION_IDS = {
  name: 'crossread-desc-name',
  conflict: 'crossread-desc-conflict',
  corroborated: 'crossread-desc-corroborated',
  single: 'crossread-desc-single',
} as const;

/**
 * The descriptions, added when the first mark is painted (a page with nothing to mark gets no UI
 * at all); `remove` takes them out again.
 */
export class PageDescriptions {
  private root: HTMLElement | null = null;

  /** `texts`: the descriptions as the background read them (content/setup); else looked up here. */
  constructor(
    private readonly doc: Document,
    private readonly texts?: Partial<Record<DescriptionKind, string>>,
  ) {}

  ensure(): void {
    if (this.root?.isConnected) return;
    const doc = this.doc;
    const desc = doc.createElement('div');
    desc.setAttribute('data-crossread-ui', '');
    desc.hidden = true;
    for (const [k, id] of Object.entries(DESCRIPTION_IDS)) {
      const kind = k as DescriptionKind;
      const given = this.texts?.[kind];
      const span = doc.createElement('span');
      span.id = id;
      span.textContent = typeof given === 'string' && given ? given : t(DESCRIPTION_MESSAGES[kind]);
      desc.append(span);
    }
    doc.documentElement.append(desc);
    this.root = desc;
  }

  remove(): void {
    this.root?.remove();
    this.root = null;
  }
}

/** Removes crossread UI left in a saved copy of a page (a "Save Page As" snapshot carries it). */
export function removeStaleUi(doc: Document): void {
  for (const el of doc.querySelectorAll('[data-crossread-ui]')) el.remove();
}
