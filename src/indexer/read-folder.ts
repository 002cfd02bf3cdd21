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

import { bareMeta, decodeText, InputError, parseSourcesList } from '../core/corpus/sources-list.ts';
import type { RawArticle, SourceMeta } from '../core/index/article.ts';

/** Runs a core folder check, giving its InputError the CLI's name. */
function seedCheck<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw new SeedError(error.message);
    throw error;
  }
}

function decode(rel: string, bytes: Uint8Array): string {
  return seedCheck(() => decodeText(rel, bytes));
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
    for (const [file, meta] of seedCheck(() => parseSourcesList(raw, r, fileSet, rel))) metas.set(file, meta);
  }
  const out: RawArticle[] = [];
  for (const f of files) {
    const r = rel(f);
    const text = decode(r, await readFile(path.join(folder, f)));
    if (!text.trim()) throw new SeedError(`${r}:1:1: empty file — expected article text`);
    out.push({
      file: f,
      text,
      meta: metas.get(f) ?? bareMeta(f),
    });
  }
  return out;
}
