/**
 * The sources: the list of the corpus's sources, and a reader view of one source's
 * text inside the popup, opened at a sentence when reached from a fact card.
 */
import type { SourceBrief, SourceText } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t } from '../i18n.ts';
import { sourceName } from '../source-names.ts';
import type { Nav } from './nav.ts';

function byline(source: SourceBrief): string {
  return [sourceName(source.id), source.published ?? t('popupUndated')].join(' · ');
}

/** Renders the list of sources. */
export function renderSources(sources: SourceBrief[], nav: Nav): HTMLElement {
  return h(
    'div',
    { class: 'view view-sources', id: 'sources' },
    h('h1', { class: 'card-title', tabindex: -1 }, t('popupSourcesHeading')),
    h(
      'ul',
      { class: 'list' },
      ...sources.map((s) =>
        h(
          'li',
          {},
          button(
            { class: 'item source-item', 'data-source': s.id },
            () => nav.openSource(s.id),
            h('span', { class: 'item-head meta' }, byline(s)),
            h('span', { class: 'item-text' }, s.title ?? t('popupUntitled')),
            h('span', { class: 'outlets' }, s.file),
          ),
        ),
      ),
    ),
  );
}

/**
 * Renders one source's text as paragraphs of sentences. A gap between sentences that holds a line
 * break starts a new paragraph; the sentence asked for is marked and returned for scrolling.
 */
export function renderReader(
  source: SourceText,
  sentence?: number,
): { view: HTMLElement; target: HTMLElement | null } {
  const body = h('div', { class: 'reader-text', id: 'reader-text' });
  let paragraph = h('p', {});
  let target: HTMLElement | null = null;
  let at = 0;
  const gap = (text: string) => {
    const parts = text.split(/\n\s*\n|\n/);
    parts.forEach((part, i) => {
      if (i > 0 && paragraph.childNodes.length) {
        body.append(paragraph);
        paragraph = h('p', {});
      }
      if (part) paragraph.append(part);
    });
  };
  source.sentences.forEach((sp, i) => {
    if (sp.start < at) return;
    gap(source.text.slice(at, sp.start));
    const el = h(
      'span',
      { class: sp.caption ? 'sentence caption' : 'sentence', 'data-sentence': i },
      source.text.slice(sp.start, sp.end),
    );
    if (i === sentence) {
      el.classList.add('target');
      el.setAttribute('tabindex', '-1');
      target = el;
    }
    paragraph.append(el);
    at = sp.end;
  });
  gap(source.text.slice(at));
  if (paragraph.childNodes.length) body.append(paragraph);
  const view = h(
    'article',
    { class: 'view view-reader', id: 'reader', 'data-source': source.id },
    h('p', { class: 'meta' }, byline(source)),
    h('h1', { class: 'card-title', tabindex: -1 }, source.title ?? t('popupUntitled')),
    h('p', { class: 'meta url' }, source.url ?? source.file),
    body,
  );
  return { view, target };
}
