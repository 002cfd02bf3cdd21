/**
 * Reads a corpus folder and validates it before anything is indexed: every error
 * names the file and line (`seeds/x.txt:3:1: …`), and the caller writes nothing on error.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A corpus input error, formatted `file:line:col: what — expected`. */
export class SeedError extends Error {
  override name = 'SeedError';
}

export type { RawArticle, SourceMeta } from '../core/index/article.ts';

import type { RawArticle, SourceMeta } from '../core/index/article.ts';

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function where(rel: string, text: string, offset: number): string {
  const { line, col } = lineCol(text, offset);
  return `${rel}:${line}:${col}`;
}

/** Offset of the line in sources.json that mentions a file name, for error positions. */
function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(JSON.stringify(needle));
  return Math.max(at, 0);
}

function decode(rel: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString('latin1').split('\n').length;
    throw new SeedError(
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
    const line = bytes.subarray(0, ok).toString('utf8').split('\n').length;
    throw new SeedError(`${rel}:${line}:1: not valid UTF-8 (byte offset ${ok}) — expected plain UTF-8 text`);
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

/**
 * Reads every `.txt` in `folder` (sorted by name) with its `sources.json` entry, if that file
 * exists. Throws one SeedError at the first problem.
 */
export async function readFolder(folder: string, label = folder): Promise<RawArticle[]> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory())
    throw new SeedError(`${label}:1:1: not a folder — expected a folder of .txt articles`);
  const names = (await readdir(folder)).sort();
  const files = names.filter((n) => n.endsWith('.txt'));
  const fileSet = new Set(files);
  const rel = (n: string) => path.join(label, n);
  const metas = new Map<string, SourceMeta>();
  if (names.includes('sources.json')) {
    const r = rel('sources.json');
    const raw = decode(r, await readFile(path.join(folder, 'sources.json')));
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      const msg = (error as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const lc = /line (\d+) column (\d+)/.exec(msg);
      const at = lc ? `${r}:${lc[1]}:${lc[2]}` : where(r, raw, pos ? Number(pos[1]) : 0);
      throw new SeedError(
        `${at}: malformed JSON (${msg.replace(/ in JSON at.*$/, '')}) — expected { "sources": [...] }`,
      );
    }
    const list = (data as { sources?: unknown })?.sources;
    if (!Array.isArray(list))
      throw new SeedError(`${r}:1:1: no "sources" array — expected { "sources": [{ "file", … }] }`);
    list.forEach((entry, i) => {
      const e = entry as Record<string, unknown>;
      const file = str(e?.file);
      if (!file)
        throw new SeedError(`${where(r, raw, 0)}: sources[${i}] has no "file" — expected a .txt file name`);
      // Positions are computed only for an error: cheap on a 10,000-entry sources.json.
      const at = () => where(r, raw, offsetOf(raw, file));
      if (metas.has(file))
        throw new SeedError(`${at()}: "${file}" is listed twice — expected one entry per file`);
      if (!fileSet.has(file))
        throw new SeedError(`${at()}: "${file}" has no file in the folder — expected ${rel(file)}`);
      const published = str(e.published);
      if (published && !/^\d{4}-\d{2}-\d{2}$/.test(published))
        throw new SeedError(
          `${at()}: "published" is ${JSON.stringify(published)} — expected YYYY-MM-DD or null`,
        );
      metas.set(file, {
        file,
        outlet: str(e.outlet),
        label: str(e.label),
        title: str(e.title),
        url: str(e.url),
        published,
      });
    });
    for (const f of files)
      if (!metas.has(f))
        throw new SeedError(`${r}:1:1: ${f} has no entry — expected one entry per .txt file`);
  }
  const out: RawArticle[] = [];
  for (const f of files) {
    const r = rel(f);
    const text = decode(r, await readFile(path.join(folder, f)));
    if (!text.trim()) throw new SeedError(`${r}:1:1: empty file — expected article text`);
    out.push({
      file: f,
      text,
      meta: metas.get(f) ?? { file: f, outlet: null, label: null, title: null, url: null, published: null },
    });
  }
  return out;
}
