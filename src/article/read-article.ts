/**
 * What a document itself says of its article: the paragraphs of its article root (headline
 * first, page furniture left out) and the head's metadata as strings (`PageHead`), which the
 * core reads (core/corpus/article-meta). Reads a live page (when the reader adds it) and an inert
 * document parsed from an imported HTML file alike; it never changes the document.
 */
import { META_KEYS, type PageHead } from '../core/corpus/article-meta.ts';
import { findArticleRoot } from './article-root.ts';

/** Elements whose text is prose of the article. */
const BLOCKS = 'h1, h2, h3, h4, p, li, blockquote, pre, figcaption';
/** Containers of page furniture inside an article root: their text is not the article's. */
const FURNITURE =
  'nav, aside, footer, form, button, script, style, noscript, template, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden]';
const WANTED = new Set<string>(Object.values(META_KEYS).flat());
/** A JSON-LD block longer than this is not an article's metadata (some pages inline whole feeds). */
const MAX_LD = 100_000;

/** The article's paragraphs, one per line pair, or '' when the document holds no article. */
export function articleText(doc: Document, root: Element | null = findArticleRoot(doc)): string {
  if (!root) return '';
  const parts: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest(FURNITURE)) continue;
    // A list item or quote holding paragraphs is read through them, once.
    if (el.querySelector(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  return parts.join('\n\n');
}

/** The head's metadata, as the page wrote it. */
export function pageHead(doc: Document): PageHead {
  const meta: Record<string, string> = {};
  for (const el of doc.querySelectorAll('meta[content]')) {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '';
    const value = el.getAttribute('content') ?? '';
    if (WANTED.has(key) && value.trim() && !(key in meta)) meta[key] = value;
  }
  return {
    meta,
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null,
    ld: [...doc.querySelectorAll('script[type="application/ld+json"]')]
      .map((el) => el.textContent ?? '')
      .filter((t) => t.length <= MAX_LD),
    h1: doc.querySelector('h1')?.textContent ?? '',
    time: doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  };
}

/** The platform's URL parser, as the core asks for it. */
export function resolveUrl(url: string, base: string | null): string | null {
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
}
