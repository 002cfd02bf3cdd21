/**
 * The fact card: one row per source of the corpus, with that source's own sentence,
 * the values that differ between sources in bold, its stance, and "not reported" for the sources
 * that do not report the fact. Each row opens the source's text at that sentence.
 */
import type { Stance } from '../../core/index/schema.ts';
import type { FactCard, FactRow } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { sourceDetail, sourceName } from '../source-names.ts';
import { copyName, section, stanceLine, statusBadge, typeLabel } from './common.ts';
import type { Nav } from './nav.ts';

const STANCE_KEY: Record<Stance, string> = {
  agrees: 'popupRowAgrees',
  partial: 'popupRowPartial',
  conflicts: 'popupRowConflicts',
};

function quote(row: FactRow): HTMLElement {
  const q = h('blockquote', { class: 'quote' });
  for (const s of row.segments) {
    const cls = s.span ? 'in-span' : 'context';
    q.append(s.bold ? h('strong', { class: `diff ${cls}` }, s.text) : h('span', { class: cls }, s.text));
  }
  return q;
}

/**
 * The row's report tag: "Newswire copy" when other sources of the fact print the same report (its
 * title lists them), "wire copy" for a near-verbatim sentence in an index that knows no origins.
 */
function copyTag(row: FactRow, rows: readonly FactRow[]): HTMLElement | null {
  if (row.copy !== null && row.copy !== undefined) {
    const same = rows.filter((r) => r.origin === row.origin).map((r) => sourceName(r.source));
    return h(
      'span',
      { class: 'wire copy', title: t('popupCopyTitle', [...new Set(same)].join(', ')) },
      copyName(row.copy || null),
    );
  }
  return row.wire ? h('span', { class: 'wire', title: t('popupWireTitle') }, t('popupWire')) : null;
}

/** "According to <who>; <value> — <who>": whom the source says the fact (and each value) comes from. */
function attributionLine(row: FactRow): HTMLElement | null {
  const parts = row.attributions ?? [];
  return parts.length
    ? h('p', { class: 'attribution meta' }, t('popupAttributedTo', parts.join('; ')))
    : null;
}

function rowView(row: FactRow, rows: readonly FactRow[], nav: Nav): HTMLElement {
  const stance = row.stance ? t(STANCE_KEY[row.stance]) : t('popupRowNotReported');
  const head = h(
    'div',
    { class: 'row-head' },
    h('span', { class: 'outlet', title: sourceDetail(row.source) }, sourceName(row.source)),
    h('span', { class: `stance stance-${row.stance ?? 'none'}` }, stance),
    copyTag(row, rows),
  );
  if (row.stance === null) return h('li', { class: 'row row-missing', 'data-source': row.source }, head);
  return h(
    'li',
    { class: `row row-${row.stance}`, 'data-source': row.source },
    head,
    quote(row),
    attributionLine(row),
    button(
      { class: 'link read-source' },
      () => nav.openSource(row.source, row.sentence ?? undefined),
      t('popupReadInSource', sourceName(row.source)),
    ),
  );
}

/**
 * How the values followed each other in time ("Updated: 40 (A, 2031-03-01) → 55 (B, 2031-03-02)"),
 * or, for a conflict whose sources' times are unknown, that saying so is all that can be said.
 */
function timeLine(card: FactCard): HTMLElement | null {
  const { timeline, undated, status } = card.fact;
  if (timeline) {
    const steps = timeline.steps.map((s) => `${s.text} (${s.sources.map(sourceName).join(', ')}, ${s.time})`);
    return h(
      'p',
      { class: `meta timeline timeline-${timeline.kind}` },
      t(timeline.kind === 'updated' ? 'popupTimelineUpdated' : 'popupTimeline', steps.join(' \u2192 ')),
    );
  }
  if (status === 'conflict' && undated > 0)
    return h('p', { class: 'meta timeline timeline-unknown' }, tn('popupUndated', undated));
  return null;
}

/** Renders a fact card. */
export function renderFactCard(card: FactCard, nav: Nav, onPage: boolean): HTMLElement {
  const missing = card.rows.filter((r) => r.stance === null).length;
  const root = h(
    'article',
    { class: `view view-fact status-${card.fact.status}`, id: 'fact-card', 'data-fact': card.fact.id },
    h('div', { class: 'card-kicker' }, statusBadge(card.fact.status)),
    h('h1', { class: 'card-title', tabindex: -1 }, card.fact.label),
    h('p', { class: 'meta stance-line' }, stanceLine(card.fact, missing)),
    timeLine(card),
    onPage && nav.hasPage
      ? button(
          { class: 'secondary', id: 'show-on-page' },
          () => nav.showOnPage(card.fact.id),
          t('popupShowOnPage'),
        )
      : null,
    section(
      'rows',
      t('popupFactRowsHeading'),
      h('ol', { class: 'rows', id: 'fact-rows' }, ...card.rows.map((r) => rowView(r, card.rows, nav))),
    ),
  );
  if (card.entities.length) {
    root.append(
      section(
        'fact-names',
        t('popupFactNames'),
        h(
          'ul',
          { class: 'chips' },
          ...card.entities.map((e) =>
            h(
              'li',
              {},
              button(
                { class: 'chip', title: typeLabel(e.type), 'data-name': e.id },
                () => nav.openName(e.id),
                e.name,
              ),
            ),
          ),
        ),
      ),
    );
  }
  return root;
}
