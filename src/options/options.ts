/**
 * The options page: the reader's own corpus and the reading settings (./reading-settings).
 * Import files, a folder or a drop; list, read and remove articles; switch the bundled corpus;
 * export everything as one file and import it back; clear all. Imports are read here (inert) and written to the corpus database in one
 * transaction each, then the background indexes what changed.
 */
import type { ArticleRecord } from '../core/corpus/article-record.ts';
import { makeExport } from '../core/corpus/corpus-export.ts';
import { type ImportFile, readImport } from '../core/corpus/import-files.ts';
import { parseIndex } from '../core/index/validate.ts';
import { sendToBackground } from '../messaging/channel.ts';
import type { CorpusOutcome } from '../messaging/corpus-protocol.ts';
import type { CorpusToBackground } from '../messaging/protocol.ts';
import {
  addArticles,
  addIndexes,
  clearCorpus,
  getSetting,
  readArticles,
  readIndexes,
  readShards,
  removeArticles,
  removeIndex,
  type StoredIndex,
} from '../store/corpus-db.ts';
import { renderTable, words } from './corpus-table.ts';
import { fromDrop, fromInput, readHtml } from './file-intake.ts';
import { fillStrings, t } from './i18n.ts';
import { bindReadingSettings } from './reading-settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('import-status');

function showProblems(id: string, problems: string[]): void {
  const list = $<HTMLUListElement>(id);
  list.replaceChildren(
    ...problems.slice(0, 200).map((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      return li;
    }),
  );
  list.hidden = problems.length === 0;
}

/** Tells the background the database changed; it indexes what did and reads the corpus again. */
async function reindex(): Promise<CorpusOutcome | null> {
  const reply = await sendToBackground<CorpusToBackground, 'corpus/changed'>('corpus/changed', {});
  if (!reply.ok) {
    status.textContent = t('optionsIndexFailed', reply.error);
    return null;
  }
  return reply.value;
}

async function refresh(): Promise<void> {
  const problems: string[] = [];
  try {
    const [{ articles, problems: bad }, stored, { shards }] = await Promise.all([
      readArticles(),
      readIndexes(),
      readShards(),
    ]);
    problems.push(...bad);
    const facts: Record<string, number> = {};
    for (const shard of shards) Object.assign(facts, shard.facts);
    const indexes: { stored: StoredIndex; sources: number }[] = [];
    for (const s of stored)
      try {
        indexes.push({ stored: s, sources: parseIndex(s.json).sources.length });
      } catch (error) {
        problems.push(`${s.name}: ${(error as Error).message}`);
        indexes.push({ stored: s, sources: 0 });
      }
    renderTable(articles, facts, indexes, { read, remove, removeIndex: dropIndex });
    const total = articles.reduce((n, a) => n + words(a.text), 0);
    $('corpus-summary').textContent = t(
      'optionsSummary',
      articles.length,
      total.toLocaleString(),
      indexes.length,
    );
    $<HTMLInputElement>('bundled').checked = await getSetting('bundled', true);
  } catch (error) {
    problems.push(String((error as Error)?.message ?? error));
  }
  showProblems('store-problems', problems);
}

async function importFiles(files: ImportFile[]): Promise<void> {
  if (files.length === 0) return;
  status.textContent = t('optionsImporting', files.length);
  const read = readImport(files, readHtml, new Date());
  const problems = [...read.problems];
  let added = 0;
  let known = 0;
  try {
    const result = await addArticles(read.articles);
    added = result.added.length;
    known = result.known.length;
    await addIndexes(read.indexes);
    if (read.bundled !== null)
      await sendToBackground<CorpusToBackground, 'corpus/setBundled'>('corpus/setBundled', {
        on: read.bundled,
      });
  } catch (error) {
    status.textContent = String((error as Error).message);
    showProblems('import-problems', problems);
    return;
  }
  status.textContent = t('optionsIndexing', added);
  const outcome = await reindex();
  // The list first, then the message: whoever reads "Imported" finds the articles listed.
  await refresh();
  if (outcome) {
    problems.push(...outcome.problems);
    status.textContent = t(
      'optionsImported',
      added,
      known,
      read.indexes.length,
      (outcome.ms / 1000).toFixed(1),
    );
  }
  showProblems('import-problems', problems);
}

/** Opens the article in the popup's source reader, in a tab of its own (its facts marked). */
function read(record: ArticleRecord): void {
  window.open(`popup.html?tab=none&article=${encodeURIComponent(record.id)}`, '_blank', 'noopener');
}

async function remove(record: ArticleRecord): Promise<void> {
  await removeArticles([record.id]);
  await reindex();
  status.textContent = t('optionsRemoved', record.meta.title ?? record.name);
  await refresh();
}

async function dropIndex(index: StoredIndex): Promise<void> {
  await removeIndex(index.id);
  await reindex();
  await refresh();
}

async function exportAll(): Promise<void> {
  const [{ articles }, stored] = await Promise.all([readArticles(), readIndexes()]);
  const indexes = stored.map((s) => ({ id: s.id, name: s.name, added: s.added, index: parseIndex(s.json) }));
  const data = makeExport(articles, indexes, await getSetting('bundled', true), new Date());
  const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `crossread-corpus-${data.exported.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.textContent = t('optionsExported', articles.length, indexes.length);
}

function bind(): void {
  for (const id of ['pick-files', 'pick-folder']) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener('change', async () => {
      if (input.files) await importFiles(await fromInput(input.files));
      input.value = '';
    });
  }
  const zone = document.body;
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    $('drop-zone').classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => $('drop-zone').classList.remove('dragging'));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    $('drop-zone').classList.remove('dragging');
    if (e.dataTransfer) await importFiles(await fromDrop(e.dataTransfer));
  });
  $<HTMLInputElement>('bundled').addEventListener('change', async (e) => {
    const on = (e.target as HTMLInputElement).checked;
    await sendToBackground<CorpusToBackground, 'corpus/setBundled'>('corpus/setBundled', { on });
    status.textContent = t(on ? 'optionsBundledOn' : 'optionsBundledOff');
  });
  $('export').addEventListener('click', () => void exportAll());
  const confirmBox = $('clear-confirm');
  $('clear').addEventListener('click', async () => {
    const { articles } = await readArticles();
    $('clear-question').textContent = t('optionsClearQuestion', articles.length);
    confirmBox.hidden = false;
    $('clear-no').focus();
  });
  $('clear-no').addEventListener('click', () => {
    confirmBox.hidden = true;
  });
  $('clear-yes').addEventListener('click', async () => {
    confirmBox.hidden = true;
    await clearCorpus();
    await reindex();
    status.textContent = t('optionsCleared');
    await refresh();
  });
}

fillStrings(document);
bind();
void refresh();
void bindReadingSettings();
