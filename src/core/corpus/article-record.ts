/**
 * An article of the reader's own corpus as it is stored: its text and page metadata, when it was
 * added, and where it came from. Its id is a hash of its text, so adding the same article twice
 * keeps one copy.
 */
import type { RawArticle, SourceMeta } from '../index/article.ts';

export interface ArticleRecord {
  /** `a` + 16 hex digits of the text's hash; also the `file` of its source in the built index. */
  id: string;
  /** What the reader knows it by: the imported file's name, or the page's address. */
  name: string;
  text: string;
  meta: SourceMeta;
  /** ISO timestamp of when it was added. */
  added: string;
  /** The address the reader read it at, when it was added from a page (the canonical URL is `meta.url`). */
  pageUrl?: string;
}

/** Longest article text kept: a page past this is not an article. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** Two 32-bit FNV-1a hashes of a text (different offsets), as 16 hex digits. */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The id an article's text is stored under: whitespace differences do not make a new article. */
export function articleId(text: string): string {
  return `a${textHash(text.replace(/\s+/g, ' ').trim())}`;
}

/** A stored article from the text and metadata read from a file or a page. */
export function makeRecord(
  name: string,
  text: string,
  meta: Omit<SourceMeta, 'file'>,
  added: Date,
  pageUrl?: string,
): ArticleRecord {
  const id = articleId(text);
  const record: ArticleRecord = { id, name, text, meta: { ...meta, file: id }, added: added.toISOString() };
  if (pageUrl) record.pageUrl = pageUrl;
  return record;
}

/** The article as the indexer reads it: its source's `file` is the record id. */
export function asRawArticle(record: ArticleRecord): RawArticle {
  return { file: record.id, text: record.text, meta: { ...record.meta, file: record.id } };
}

const META_KEYS = ['outlet', 'label', 'title', 'url', 'published'] as const;

function optionalText(v: unknown, max: number): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null;
}

/**
 * Checks a record read back from storage or from an exported file; returns why it is unusable,
 * or the record with its metadata cleaned. The id must be the hash of the text it carries.
 */
export function checkRecord(value: unknown): ArticleRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' || !v.text.trim()) return 'no article text';
  if (v.text.length > MAX_ARTICLE_CHARS) return `text longer than ${MAX_ARTICLE_CHARS} characters`;
  const id = articleId(v.text);
  if (v.id !== id) return `id ${JSON.stringify(v.id)} does not match its text (expected ${id})`;
  const rawMeta = (typeof v.meta === 'object' && v.meta !== null ? v.meta : {}) as Record<string, unknown>;
  const meta: SourceMeta = { file: id, outlet: null, label: null, title: null, url: null, published: null };
  for (const key of META_KEYS) meta[key] = optionalText(rawMeta[key], 2000);
  if (meta.published && !/^\d{4}-\d{2}-\d{2}$/.test(meta.published)) meta.published = null;
  const added = typeof v.added === 'string' && !Number.isNaN(Date.parse(v.added)) ? v.added : null;
  if (!added) return 'no valid "added" time';
  const record: ArticleRecord = {
    id,
    name: optionalText(v.name, 500) ?? meta.title ?? id,
    text: v.text,
    meta,
    added,
  };
  const pageUrl = optionalText(v.pageUrl, 2000);
  if (pageUrl) record.pageUrl = pageUrl;
  return record;
}
