/**
 * The name card: canonical name, type, every spelling with the outlets using it, and
 * the facts that involve the name.
 */
import type { NameCard } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { sourceName } from '../source-names.ts';
import { factItem, section, statement, typeLabel } from './common.ts';
import type { Nav } from './nav.ts';

/** Renders a name card. */
export function renderNameCard(card: NameCard, nav: Nav, onPage: boolean): HTMLElement {
  const { entity } = card;
  return h(
    'article',
    { class: 'view view-name', id: 'name-card', 'data-name': entity.id },
    h(
      'div',
      { class: 'card-kicker' },
      h('span', { class: `badge badge-type type-${entity.type}` }, typeLabel(entity.type)),
    ),
    h('h1', { class: 'card-title', tabindex: -1 }, entity.name),
    h(
      'p',
      { class: 'meta' },
      `${tn('popupSpellingCount', card.spellings.length)} · ${tn('popupMentionCount', entity.mentions)}`,
    ),
    onPage && nav.hasPage
      ? button(
          { class: 'secondary', id: 'show-on-page' },
          () => nav.showOnPage(entity.id),
          t('popupShowOnPage'),
        )
      : null,
    section(
      'spellings',
      t('popupSpellings'),
      h(
        'ul',
        { class: 'spellings', id: 'spellings' },
        ...card.spellings.map((s) =>
          h(
            'li',
            { class: 'spelling' },
            h('span', { class: 'spelling-text' }, s.text),
            h('span', { class: 'outlets' }, s.sources.map(sourceName).join(' · ')),
          ),
        ),
      ),
    ),
    section(
      'name-facts',
      t('popupNameFacts', entity.name),
      card.facts.length
        ? h(
            'ul',
            { class: 'list', id: 'name-facts' },
            ...card.facts.map((f) =>
              h(
                'li',
                {},
                factItem(f, () => nav.openFact(f.id)),
              ),
            ),
          )
        : statement(t('popupNameNoFacts')),
    ),
  );
}
