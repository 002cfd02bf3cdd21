/**
 * The list of the reader's corpus: each article's outlet, title, date, size and the facts it
 * contributes, with Read and Remove; and each imported index. Built with DOM calls and
 * textContent only, since every string in it came from an article.
 */
import type { ArticleRecord } from '../core/corpus/article-record.ts';
import type { StoredIndex } from '../store/corpus-db.ts';
import { t } from './i18n.ts';

export interface TableActions {
  read(record: ArticleRecord): void;
  remove(record: ArticleRecord): void;
  removeIndex(index: StoredIndex): void;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function button(label: string, name: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-label', `${label}: ${name}`);
  b.addEventListener('click', onClick);
  return b;
}

export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function renderTable(
  articles: ArticleRecord[],
  facts: Record<string, number>,
  indexes: { stored: StoredIndex; sources: number }[],
  actions: TableActions,
): void {
  const body = document.querySelector('#corpus-list tbody') as HTMLTableSectionElement;
  body.replaceChildren();
  const sorted = [...articles].sort((a, b) => b.added.localeCompare(a.added));
  for (const record of sorted) {
    const row = body.insertRow();
    row.dataset.article = record.id;
    cell(row, record.meta.outlet ?? '—');
    cell(row, record.meta.title ?? record.name);
    cell(row, record.meta.published ?? t('optionsAddedOn', record.added.slice(0, 10)));
    cell(row, t('optionsWords', words(record.text).toLocaleString()), 'num');
    cell(row, String(facts[record.id] ?? 0), 'num');
    const acts = cell(row, '', 'actions');
    const name = record.meta.title ?? record.name;
    acts.append(
      button(t('optionsRead'), name, () => actions.read(record)),
      ' ',
      button(t('optionsRemove'), name, () => actions.remove(record)),
    );
  }
  (document.getElementById('corpus-empty') as HTMLElement).hidden = articles.length + indexes.length > 0;
  (document.getElementById('corpus-list') as HTMLElement).hidden = articles.length === 0;
  const list = document.getElementById('index-list') as HTMLUListElement;
  list.replaceChildren();
  for (const { stored, sources } of indexes) {
    const li = document.createElement('li');
    li.dataset.index = stored.id;
    li.append(
      t('optionsIndexLine', stored.name, sources),
      ' ',
      button(t('optionsRemove'), stored.name, () => actions.removeIndex(stored)),
    );
    list.append(li);
  }
}
