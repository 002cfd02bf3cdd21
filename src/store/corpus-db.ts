/**
 * The reader's corpus in IndexedDB, shared by the background, the options page and the indexer
 * worker (one database per extension origin). Each operation is one transaction, so a write lands
 * whole or not at all; a record that does not read back as valid is skipped and named, never
 * thrown over the rest; a full quota comes back as an error that says so.
 *
 * Schema (version {@link DB_VERSION}; docs/storage.md): `articles` (ArticleRecord by id),
 * `placements` (the names each article was placed by), `shards` (Shard info, with the facts
 * each article contributed), `built` (each shard's index as JSON), `indexes`
 * (imported index.json files), `settings` (key → value).
 */
import type { ArticleRecord } from '../core/corpus/article-record.ts';
import { checkRecord } from '../core/corpus/article-record.ts';
import type { ImportedIndex } from '../core/corpus/corpus-export.ts';
import type { Shard } from '../core/corpus/shards.ts';

export const DB_NAME = 'crossread-corpus';
export const DB_VERSION = 1;

/** The names an article was placed by: taken out of its shard's counts when it is removed. */
export interface Placement {
  id: string;
  names: string[];
}

/** A shard as stored: with the facts each of its articles contributed, once it has been built. */
export interface StoredShard extends Shard {
  /** Fact count by record id, from the shard's last build (small: the options list reads it). */
  facts?: Record<string, number>;
  /** Its last build failed: the next sync builds it again. */
  stale?: true;
}

export interface BuiltShard {
  id: string;
  /** The shard's index, as `JSON.stringify(CorpusIndex)`: read back with parseIndex. */
  json: string;
  built: string;
}

export interface StoredIndex {
  id: string;
  name: string;
  added: string;
  json: string;
}

const STORES = ['articles', 'placements', 'shards', 'built', 'indexes', 'settings'] as const;
type StoreName = (typeof STORES)[number];

/** Migrations by the version they lead to; each runs inside the upgrade transaction. */
const MIGRATIONS: Record<number, (db: IDBDatabase) => void> = {
  1(db) {
    for (const name of STORES) db.createObjectStore(name, { keyPath: name === 'settings' ? 'key' : 'id' });
  },
};

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Says what went wrong in words a reader can act on. */
export function storageError(error: unknown): Error {
  const e = error as DOMException | null;
  if (e?.name === 'QuotaExceededError')
    return new Error(
      'the browser’s storage for crossread is full: nothing was saved — remove articles or free disk space',
    );
  return new Error(`crossread’s storage failed: ${e?.message ?? String(error)}`);
}

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (event) => {
      for (let v = event.oldVersion + 1; v <= DB_VERSION; v++) MIGRATIONS[v]?.(req.result);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context upgrading the schema (an extension update) closes this connection.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(storageError(req.error));
    };
    req.onblocked = () =>
      reject(new Error('crossread’s storage is being upgraded in another tab: try again'));
  });
  return opening;
}

/** Runs `work` in one transaction and resolves when it has committed. */
export async function transact<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (t: IDBTransaction) => T | Promise<T>,
): Promise<T> {
  const db = await openDb();
  const t = db.transaction(stores, mode);
  const done = new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onabort = () => reject(storageError(t.error));
    t.onerror = () => reject(storageError(t.error));
  });
  let result: T;
  try {
    result = await work(t);
  } catch (error) {
    try {
      t.abort();
    } catch {
      // already finished
    }
    throw error;
  }
  await done;
  return result;
}

export const get = <T>(t: IDBTransaction, store: StoreName, key: string) =>
  request<T | undefined>(t.objectStore(store).get(key) as IDBRequest<T | undefined>);
export const getAll = <T>(t: IDBTransaction, store: StoreName) =>
  request<T[]>(t.objectStore(store).getAll() as IDBRequest<T[]>);
export const getKeys = (t: IDBTransaction, store: StoreName) =>
  request(t.objectStore(store).getAllKeys()).then((keys) => keys.map(String));

/** Adds articles not already stored; returns how many were new. */
export function addArticles(records: ArticleRecord[]): Promise<{ added: string[]; known: string[] }> {
  return transact(['articles'], 'readwrite', async (t) => {
    const have = new Set(await getKeys(t, 'articles'));
    const added: string[] = [];
    const known: string[] = [];
    for (const r of records) {
      if (have.has(r.id)) known.push(r.id);
      else {
        t.objectStore('articles').put(r);
        have.add(r.id);
        added.push(r.id);
      }
    }
    return { added, known };
  });
}

export function removeArticles(ids: string[]): Promise<void> {
  return transact(['articles'], 'readwrite', (t) => {
    for (const id of ids) t.objectStore('articles').delete(id);
  });
}

/** Every stored article that reads back as valid; each one that does not is named in `problems`. */
export async function readArticles(
  ids?: string[],
): Promise<{ articles: ArticleRecord[]; problems: string[] }> {
  const raw = await transact(['articles'], 'readonly', async (t) =>
    ids ? Promise.all(ids.map((id) => get<unknown>(t, 'articles', id))) : getAll<unknown>(t, 'articles'),
  );
  const articles: ArticleRecord[] = [];
  const problems: string[] = [];
  raw.forEach((value, i) => {
    if (value === undefined) return;
    const checked = checkRecord(value);
    if (typeof checked === 'string') {
      const id = (value as { id?: unknown })?.id ?? ids?.[i] ?? `#${i}`;
      problems.push(`stored article ${String(id).slice(0, 40)} is damaged (${checked}) and was left out`);
    } else articles.push(checked);
  });
  return { articles, problems };
}

export function addIndexes(indexes: ImportedIndex[]): Promise<string[]> {
  return transact(['indexes'], 'readwrite', async (t) => {
    const have = new Set(await getKeys(t, 'indexes'));
    const added: string[] = [];
    for (const i of indexes) {
      if (have.has(i.id)) continue;
      const row: StoredIndex = { id: i.id, name: i.name, added: i.added, json: JSON.stringify(i.index) };
      t.objectStore('indexes').put(row);
      added.push(i.id);
    }
    return added;
  });
}

export function readIndexes(): Promise<StoredIndex[]> {
  return transact(['indexes'], 'readonly', (t) => getAll<StoredIndex>(t, 'indexes'));
}

export function removeIndex(id: string): Promise<void> {
  return transact(['indexes'], 'readwrite', (t) => {
    t.objectStore('indexes').delete(id);
  });
}

/** The built shard indexes: all of them (`ids` null), or those named (missing ones left out). */
export function readBuilt(ids: string[] | null = null): Promise<BuiltShard[]> {
  return transact(['built'], 'readonly', async (t) => {
    if (ids === null) return getAll<BuiltShard>(t, 'built');
    const rows = await Promise.all(ids.map((id) => get<BuiltShard>(t, 'built', id)));
    return rows.filter((r): r is BuiltShard => r !== undefined);
  });
}

/** The shard list alone (names, articles, fact counts): small, read when the background wakes. */
export function readShardList(): Promise<StoredShard[]> {
  return transact(['shards'], 'readonly', (t) => getAll<StoredShard>(t, 'shards'));
}

export function readShards(): Promise<{ shards: StoredShard[]; placements: Placement[] }> {
  return transact(['shards', 'placements'], 'readonly', async (t) => ({
    shards: await getAll<StoredShard>(t, 'shards'),
    placements: await getAll<Placement>(t, 'placements'),
  }));
}

/** Everything the reader stored goes; the settings stay. */
export function clearCorpus(): Promise<void> {
  return transact(['articles', 'placements', 'shards', 'built', 'indexes'], 'readwrite', (t) => {
    for (const name of ['articles', 'placements', 'shards', 'built', 'indexes'] as const)
      t.objectStore(name).clear();
  });
}

export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await transact(['settings'], 'readonly', (t) =>
    get<{ key: string; value: T }>(t, 'settings', key),
  );
  return row ? row.value : fallback;
}

export function setSetting(key: string, value: unknown): Promise<void> {
  return transact(['settings'], 'readwrite', (t) => {
    t.objectStore('settings').put({ key, value });
  });
}
