/**
 * Reads a folder's `sources.json` (outlet, label, title, URL and date of each article file), for
 * the Node indexer and for a folder imported into the extension alike. Every problem is one
 * message naming the file and line (`folder/sources.json:4:12: … — expected …`).
 */
import type { SourceMeta } from '../index/article.ts';

/**
 * The WHATWG decoder of every platform crossread runs on (Node, browsers, workers); the core's
 * ES2022 library does not declare it.
 */
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

/** A problem in an article folder, formatted `file:line:col: what — expected`. */
export class InputError extends Error {
  override name = 'InputError';
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** `file:line:col` of an offset in a text. */
export function where(rel: string, text: string, offset: number): string {
  const { line, col } = lineCol(text, offset);
  return `${rel}:${line}:${col}`;
}

/** Offset of the line in sources.json that mentions a file name, for error positions. */
function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(JSON.stringify(needle));
  return Math.max(at, 0);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

/** Checks a "published" value: a YYYY-MM-DD day; `at` names where it was read, for the message. */
export function publishedDay(value: string, at: () => string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InputError(`${at()}: "published" is ${JSON.stringify(value)} — expected YYYY-MM-DD or null`);
  return value;
}

/** An empty entry for a file that sources.json does not describe (or when there is none). */
export function bareMeta(file: string): SourceMeta {
  return { file, outlet: null, label: null, title: null, url: null, published: null };
}

/**
 * Parses sources.json text (`rel` names it in messages) against the folder's article files:
 * every entry names one of `files`, once, with a YYYY-MM-DD date or none. With `complete`, every
 * file must have an entry and every entry a file (the CLI's rule); an import takes the entries of
 * the files it was given and lets a file go undescribed.
 */
export function parseSourcesList(
  raw: string,
  rel: string,
  files: ReadonlySet<string>,
  fileRel: (file: string) => string,
  complete = true,
): Map<string, SourceMeta> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    const msg = (error as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const at = lc ? `${rel}:${lc[1]}:${lc[2]}` : where(rel, raw, pos ? Number(pos[1]) : 0);
    throw new InputError(
      `${at}: malformed JSON (${msg.replace(/ in JSON at.*$/, '')}) — expected { "sources": [...] }`,
    );
  }
  const list = (data as { sources?: unknown })?.sources;
  if (!Array.isArray(list))
    throw new InputError(`${rel}:1:1: no "sources" array — expected { "sources": [{ "file", … }] }`);
  const metas = new Map<string, SourceMeta>();
  list.forEach((entry, i) => {
    const e = entry as Record<string, unknown>;
    const file = str(e?.file);
    if (!file)
      throw new InputError(`${where(rel, raw, 0)}: sources[${i}] has no "file" — expected a .txt file name`);
    // Positions are computed only for an error: cheap on a 10,000-entry sources.json.
    const at = () => where(rel, raw, offsetOf(raw, file));
    if (metas.has(file))
      throw new InputError(`${at()}: "${file}" is listed twice — expected one entry per file`);
    if (!files.has(file)) {
      if (!complete) return;
      throw new InputError(`${at()}: "${file}" has no file in the folder — expected ${fileRel(file)}`);
    }
    const published = str(e.published);
    if (published) publishedDay(published, at);
    metas.set(file, {
      file,
      outlet: str(e.outlet),
      label: str(e.label),
      title: str(e.title),
      url: str(e.url),
      published,
    });
  });
  if (complete)
    for (const f of files)
      if (!metas.has(f))
        throw new InputError(`${rel}:1:1: ${f} has no entry — expected one entry per .txt file`);
  return metas;
}

/**
 * Decodes a file's bytes as UTF-8 text, refusing binary files and broken encodings with the line
 * where they break.
 */
export function decodeText(rel: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = latin1(bytes.subarray(0, nul)).split('\n').length;
    throw new InputError(
      `${rel}:${line}:1: binary file (NUL byte at offset ${nul}) — expected plain UTF-8 text`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    // Find the first byte that breaks UTF-8, to point at its line.
    let ok = 0;
    for (let n = 1; n <= bytes.length; n++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
        ok = n;
      } catch {
        if (n - ok > 4) break;
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, ok)).split('\n').length;
    throw new InputError(`${rel}:${line}:1: not valid UTF-8 (byte offset ${ok}) — expected plain UTF-8 text`);
  }
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
