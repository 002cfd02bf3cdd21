/**
 * Lookup results as a listbox the search field drives: names first, then facts, each
 * an option the arrows move through and Enter opens. Clicking an option opens it too.
 */
import type { EntityMatch, FactSummary } from '../../messaging/popup-protocol.ts';
import { h } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { sourceName } from '../source-names.ts';
import { stanceLine, statement, statusBadge, typeLabel } from './common.ts';
import type { Nav } from './nav.ts';

export const LISTBOX_ID = 'lookup-results';

export interface LookupView {
  view: HTMLElement;
  /** The options in arrow-key order, each with what Enter does. */
  options: { el: HTMLElement; open: () => void }[];
}

function nameOption(e: EntityMatch, index: number): HTMLElement {
  const spelled = e.spelling !== e.name ? t('popupSpelledAs', e.spelling) : null;
  return h(
    'div',
    {
      role: 'option',
      id: `opt-${index}`,
      class: 'item option name-option',
      'data-name': e.id,
      'aria-selected': 'false',
    },
    h(
      'span',
      { class: 'item-head' },
      h('span', { class: 'badge badge-type' }, typeLabel(e.type)),
      spelled ? h('span', { class: 'meta' }, spelled) : null,
    ),
    h('span', { class: 'item-text option-name' }, e.name),
  );
}

function factOption(f: FactSummary, index: number): HTMLElement {
  return h(
    'div',
    {
      role: 'option',
      id: `opt-${index}`,
      class: `item option fact-option status-${f.status}`,
      'data-fact': f.id,
      'aria-selected': 'false',
    },
    h('span', { class: 'item-head' }, statusBadge(f.status), h('span', { class: 'meta' }, stanceLine(f))),
    h('span', { class: 'item-text' }, f.label),
    h('span', { class: 'outlets' }, f.sourceIds.map(sourceName).join(' · ')),
  );
}

/** Renders the results for `query`. */
export function renderLookup(
  query: string,
  results: { entities: EntityMatch[]; facts: FactSummary[] },
  nav: Nav,
): LookupView {
  const options: LookupView['options'] = [];
  const view = h('div', { class: 'view view-lookup', id: 'lookup' });
  const total = results.entities.length + results.facts.length;
  view.append(
    h('h1', { class: 'visually-hidden', tabindex: -1 }, t('popupResultsLabel')),
    h('p', { class: 'meta results-count', id: 'results-count' }, tn('popupResultsCount', total)),
  );
  if (total === 0) {
    view.append(statement(t('popupNoResults', query)));
    return { view, options };
  }
  const listbox = h('div', {
    role: 'listbox',
    id: LISTBOX_ID,
    class: 'list',
    'aria-label': t('popupResultsLabel'),
  });
  const group = (id: string, title: string, items: HTMLElement[]) =>
    h(
      'div',
      { role: 'group', 'aria-labelledby': id, class: 'list' },
      h('div', { class: 'group-title', id }, title),
      ...items,
    );
  const names = results.entities.map((e) => {
    const el = nameOption(e, options.length);
    options.push({ el, open: () => nav.openName(e.id) });
    return el;
  });
  const facts = results.facts.map((f) => {
    const el = factOption(f, options.length);
    options.push({ el, open: () => nav.openFact(f.id) });
    return el;
  });
  if (names.length) listbox.append(group('group-names', t('popupResultsNames'), names));
  if (facts.length) listbox.append(group('group-facts', t('popupResultsFacts'), facts));
  for (const o of options) o.el.addEventListener('click', o.open);
  view.append(listbox);
  return { view, options };
}
