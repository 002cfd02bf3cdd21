/**
 * Pieces shared by the popup's views: the status badge, the "2 agree · 1 contradicts" line, and
 * the fact list item that opens a fact card.
 */
import type { FactStatus, Stance } from '../../core/index/schema.ts';
import type { PageFact } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { sourceName } from '../source-names.ts';

const STATUS_KEY: Record<FactStatus, string> = {
  conflict: 'popupStatusConflict',
  single: 'popupStatusSingle',
  corroborated: 'popupStatusCorroborated',
};

/** A badge with a glyph and a word: status is never told by colour alone. */
export function statusBadge(status: FactStatus): HTMLElement {
  const glyph = status === 'conflict' ? '≠' : status === 'single' ? '1' : '✓';
  return h(
    'span',
    { class: `badge badge-${status}` },
    h('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph),
    t(STATUS_KEY[status]),
  );
}

/**
 * The claim-card grammar: "3 agree · 1 in part · 1 contradicts" (zero counts left out). Where
 * sources print one wire story, each count says how many reports stand behind it: "3 agree
 * (1 report: Newswire copy in 3) · 2 contradict (2 independent reports)".
 */
export function stanceLine(fact: PageFact, notReported?: number): string {
  const parts: string[] = [];
  // One outlet: its name says more than "1 agrees".
  if (fact.sources === 1 && fact.sourceIds[0] && !notReported)
    return t('popupOnlyOutlet', sourceName(fact.sourceIds[0]));
  const copies = fact.copies ?? [];
  const count = (stance: Stance, key: string) => {
    const n = fact.stances[stance];
    if (!n) return;
    const line = tn(key, n);
    const reports = fact.reports?.[stance] ?? n;
    const shared = copies.filter((c) => c.stance === stance);
    if (shared.length)
      parts.push(
        t(
          'popupStanceReports',
          line,
          tn('popupReports', reports),
          shared.map((c) => t('popupCopyIn', copyName(c.credit), c.sources.length)).join(', '),
        ),
      );
    else if (copies.length && n > 1) parts.push(t('popupStanceIndependent', line, tn('popupIndependent', n)));
    else parts.push(line);
  };
  count('agrees', 'popupStanceAgree');
  count('partial', 'popupStancePartial');
  count('conflicts', 'popupStanceConflict');
  if (notReported) parts.push(tn('popupStanceNotReported', notReported));
  return parts.join(' · ');
}

/** A shared report's name: "Newswire copy", or "shared copy" when its sources credit no one. */
export function copyName(credit: string | null): string {
  return credit ? t('popupCopyOf', credit) : t('popupCopyShared');
}

/** A fact in a list: badge, the text (the page's own words where given), stances, outlets. */
export function factItem(
  fact: PageFact,
  onOpen: () => void,
  options: { text?: string; outlets?: boolean; id?: string } = {},
): HTMLElement {
  return button(
    { class: `item fact-item status-${fact.status}`, 'data-fact': fact.id, id: options.id },
    onOpen,
    h(
      'span',
      { class: 'item-head' },
      statusBadge(fact.status),
      h('span', { class: 'meta' }, stanceLine(fact)),
    ),
    h('span', { class: 'item-text' }, options.text ?? fact.label),
    options.outlets ? h('span', { class: 'outlets' }, fact.sourceIds.map(sourceName).join(' · ')) : null,
  );
}

/** A plain statement (empty states, errors). */
export function statement(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `statement statement-${kind}`, role: kind === 'error' ? 'alert' : undefined }, text);
}

/** A whole view that is one statement (errors, unknown ids), with the page's one h1 for screen readers. */
export function statementView(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h(
    'div',
    { class: 'view view-statement' },
    h('h1', { class: 'visually-hidden', tabindex: -1 }, t('popupTitle')),
    statement(text, kind),
  );
}

/** A section with a heading; the heading id labels the section for screen readers. */
export function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'section', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    ...children,
  );
}

/** The localised word for an entity type. */
export function typeLabel(type: string): string {
  const key =
    type === 'person'
      ? 'popupTypePerson'
      : type === 'place'
        ? 'popupTypePlace'
        : type === 'organization'
          ? 'popupTypeOrganization'
          : 'popupTypeOther';
  return t(key);
}
