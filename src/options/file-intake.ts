/**
 * Files the reader hands the options page — picked one by one, picked as a folder, or dropped
 * (folders included) — as bytes with their paths, and HTML read inert: parsed by DOMParser into
 * a document no script runs in and nothing loads from, never attached to this page.
 */

import { articleText, pageHead, resolveUrl } from '../article/read-article.ts';
import { articleMeta } from '../core/corpus/article-meta.ts';
import type { ImportFile, ReadHtml } from '../core/corpus/import-files.ts';

async function asImport(file: File, path: string): Promise<ImportFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Files from an `<input type=file>`: a folder pick carries each file's path inside the folder. */
export function fromInput(list: FileList): Promise<ImportFile[]> {
  return Promise.all([...list].map((f) => asImport(f, f.webkitRelativePath || f.name)));
}

function entries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: ImportFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push(await asImport(file, entry.fullPath.replace(/^\//, '')));
  } else if (entry.isDirectory) {
    for (const child of await entries(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/** Files and folders dropped on the page. */
export async function fromDrop(data: DataTransfer): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  const items = [...data.items].filter((i) => i.kind === 'file');
  const roots = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  if (roots.every((r) => r !== null)) {
    for (const root of roots) await walk(root as FileSystemEntry, out);
    return out;
  }
  return fromInput(data.files);
}

/** An imported HTML file's article, read from an inert document. */
export const readHtml: ReadHtml = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return articleMeta(pageHead(doc), articleText(doc), null, resolveUrl);
};
