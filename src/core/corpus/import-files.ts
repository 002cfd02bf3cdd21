/**
 * Reads files the reader imports — single articles (`.txt`, `.html`, `.json`), whole folders with
 * their `sources.json`, an `index.json` made by `npm run index`, or a corpus export — into stored
 * articles and indexes. Every file is hostile until proven otherwise: a bad one is named in
 * `problems` with what is wrong, and the rest of the import goes on. HTML is read by the shell
 * (inert, in a document no script runs in) and handed back as text and metadata.
 */
import type { SourceMeta } from '../index/article.ts';
import { validateIndex } from '../index/validate.ts';
import { type ArticleRecord, MAX_ARTICLE_CHARS, makeRecord, textHash } from './article-record.ts';
import { type ImportedIndex, isExport, readExport } from './corpus-export.ts';
import { bareMeta, decodeText, InputError, parseSourcesList, publishedDay } from './sources-list.ts';

export interface ImportFile {
  /** Path as the picker gives it: `folder/sub/a.txt` for a folder, `a.txt` for a single file. */
  path: string;
  bytes: Uint8Array;
}

/** What the shell reads from an HTML file: its article text and the page's own metadata. */
export type ReadHtml = (html: string, path: string) => { text: string; meta: Omit<SourceMeta, 'file'> };

export interface ImportResult {
  articles: ArticleRecord[];
  indexes: ImportedIndex[];
  /** An export's bundled-corpus setting, when the import carried one. */
  bundled: boolean | null;
  problems: string[];
}

/** Largest file read: an index of 10,000 articles is about 60 MB. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

const EMPTY_META: Omit<SourceMeta, 'file'> = {
  outlet: null,
  label: null,
  title: null,
  url: null,
  published: null,
};

function folderOf(p: string): string {
  const at = p.lastIndexOf('/');
  return at < 0 ? '' : p.slice(0, at);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function extension(p: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(p);
  return m ? (m[1] as string).toLowerCase() : '';
}

/** An article from a single-article JSON file: `{ "text", "title"?, "outlet"?, "url"?, "published"? }`. */
function jsonArticle(value: unknown, where: string): Omit<SourceMeta, 'file'> & { text: string } {
  const v = value as Record<string, unknown>;
  if (typeof v?.text !== 'string' || !v.text.trim())
    throw new InputError(
      `${where}: no "text" — expected { "text": "…", "title"?, "outlet"?, "url"?, "published"? }`,
    );
  const s = (k: string) =>
    typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string).trim() : null;
  const raw = s('published');
  const published = raw ? publishedDay(raw, () => where) : null;
  return {
    text: v.text,
    outlet: s('outlet'),
    label: s('label'),
    title: s('title'),
    url: s('url'),
    published,
  };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${path}: malformed JSON (${(error as Error).message.replace(/ in JSON at.*$/, '')})`,
    );
  }
}

/** Reads every file; `now` stamps the articles' added time. */
export function readImport(files: readonly ImportFile[], readHtml: ReadHtml, now: Date): ImportResult {
  const out: ImportResult = { articles: [], indexes: [], bundled: null, problems: [] };
  const seen = new Set<string>();
  const addArticle = (name: string, text: string, meta: Omit<SourceMeta, 'file'>, path: string) => {
    if (!text.trim()) throw new InputError(`${path}: no article text — expected the article's words`);
    if (text.length > MAX_ARTICLE_CHARS)
      throw new InputError(
        `${path}: ${text.length} characters — expected an article of at most ${MAX_ARTICLE_CHARS}`,
      );
    const record = makeRecord(name, text, meta, now);
    if (seen.has(record.id))
      out.problems.push(`${path}: the same text as another file of this import — kept once`);
    else {
      seen.add(record.id);
      out.articles.push(record);
    }
  };

  // sources.json describes the article files beside it, as the CLI reads a folder.
  const metas = new Map<string, SourceMeta>();
  const listed = files.filter((f) => baseName(f.path) === 'sources.json');
  for (const list of listed) {
    const dir = folderOf(list.path);
    const beside = new Set(
      files.filter((f) => folderOf(f.path) === dir && f !== list).map((f) => baseName(f.path)),
    );
    try {
      const raw = decodeText(list.path, list.bytes);
      const prefix = dir ? `${dir}/` : '';
      for (const [file, meta] of parseSourcesList(raw, list.path, beside, (f) => prefix + f, false))
        metas.set(prefix + file, meta);
    } catch (error) {
      out.problems.push(`${(error as Error).message} (its articles are imported without it)`);
    }
  }

  for (const file of files) {
    if (listed.includes(file)) continue;
    const path = file.path;
    try {
      if (file.bytes.length > MAX_FILE_BYTES)
        throw new InputError(`${path}: ${file.bytes.length} bytes — expected a file under ${MAX_FILE_BYTES}`);
      const ext = extension(path);
      if (ext !== 'txt' && ext !== 'html' && ext !== 'htm' && ext !== 'json') {
        // A folder holds other files too (READMEs, images): they are passed over, and said so.
        out.problems.push(`${path}: skipped — crossread reads .txt, .html and .json files`);
        continue;
      }
      const text = decodeText(path, file.bytes);
      const listedMeta = metas.get(path);
      const meta = listedMeta ? { ...listedMeta } : { ...bareMeta(baseName(path)) };
      if (ext === 'txt') addArticle(baseName(path), text, meta, path);
      else if (ext === 'html' || ext === 'htm') {
        const read = readHtml(text, path);
        const merged = { ...EMPTY_META };
        for (const key of Object.keys(EMPTY_META) as (keyof typeof EMPTY_META)[])
          merged[key] = (listedMeta?.[key] ?? read.meta[key]) || null;
        addArticle(baseName(path), read.text, merged, path);
      } else readJson(text, path, out, addArticle, now);
    } catch (error) {
      out.problems.push((error as Error).message);
    }
  }
  return out;
}

function readJson(
  text: string,
  path: string,
  out: ImportResult,
  addArticle: (name: string, text: string, meta: Omit<SourceMeta, 'file'>, path: string) => void,
  now: Date,
): void {
  const data = parseJson(text, path);
  if (isExport(data)) {
    const read = readExport(data, path);
    out.articles.push(...read.articles);
    out.indexes.push(...read.indexes);
    out.problems.push(...read.problems);
    if (read.bundled !== null) out.bundled = read.bundled;
    return;
  }
  const d = data as Record<string, unknown>;
  if (d && typeof d === 'object' && !Array.isArray(d) && 'facts' in d && 'sources' in d) {
    let index: ReturnType<typeof validateIndex>;
    try {
      index = validateIndex(d);
    } catch (error) {
      throw new InputError(`${path}: ${(error as Error).message}`);
    }
    out.indexes.push({ id: `i${textHash(text)}`, name: baseName(path), added: now.toISOString(), index });
    return;
  }
  const list = Array.isArray(data) ? data : [data];
  list.forEach((entry, i) => {
    const where = Array.isArray(data) ? `${path}[${i}]` : path;
    try {
      const { text: body, ...meta } = jsonArticle(entry, where);
      addArticle(meta.title ?? baseName(path), body, meta, where);
    } catch (error) {
      out.problems.push((error as Error).message);
    }
  });
}
