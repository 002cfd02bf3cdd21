/**
 * An article's text and metadata as a document itself gives them: the paragraphs of its article
 * root (headline first, page furniture left out), and the outlet, title, canonical address and
 * date from its meta tags or JSON-LD. Reads a live page (when the reader adds it) and an inert
 * document parsed from an imported HTML file alike; it never changes the document.
 */
import type { SourceMeta } from '../core/index/article.ts';
import { findArticleRoot } from './article-root.ts';

/** Elements whose text is prose of the article. */
const BLOCKS = 'h1, h2, h3, h4, p, li, blockquote, pre, figcaption';
/** Containers of page furniture inside an article root: their text is not the article's. */
const FURNITURE =
  'nav, aside, footer, form, button, script, style, noscript, template, [role="navigation"], [role="complementary"], [aria-hidden="true"], [hidden]';

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** datePublished and publisher name from JSON-LD blocks, read as data (never run). */
function jsonLd(doc: Document): { published: string | null; outlet: string | null; title: string | null } {
  const out = {
    published: null as string | null,
    outlet: null as string | null,
    title: null as string | null,
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((d) =>
      d && typeof d === 'object' && Array.isArray((d as { '@graph'?: unknown })['@graph'])
        ? ((d as { '@graph': unknown[] })['@graph'] as unknown[])
        : [d],
    );
    for (const item of items) {
      const i = item as Record<string, unknown> | null;
      if (!i || typeof i !== 'object') continue;
      if (!out.published && typeof i.datePublished === 'string') out.published = i.datePublished;
      if (!out.title && typeof i.headline === 'string') out.title = i.headline;
      const pub = i.publisher as { name?: unknown } | undefined;
      if (!out.outlet && typeof pub?.name === 'string') out.outlet = pub.name;
    }
  }
  return out;
}

/** YYYY-MM-DD from an ISO timestamp or date, or null. */
function day(value: string | null): string | null {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return m ? (m[1] as string) : null;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The article's paragraphs, one per line pair, or '' when the document holds no article. */
export function articleText(doc: Document, root: Element | null = findArticleRoot(doc)): string {
  if (!root) return '';
  const parts: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest(FURNITURE)) continue;
    // A list item or quote holding paragraphs is read through them, once.
    if (el.querySelector(BLOCKS)) continue;
    const t = clean(el.textContent ?? '');
    if (t) parts.push(t);
  }
  return parts.join('\n\n');
}

/** Text and metadata of the article in `doc`; `address` is where it was read (a page's URL). */
export function readArticle(
  doc: Document,
  address: string | null,
): { text: string; meta: Omit<SourceMeta, 'file'> } {
  const ld = jsonLd(doc);
  const h1 = clean(doc.querySelector('h1')?.textContent ?? '');
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? ld.title ?? (h1 || null);
  let text = articleText(doc);
  // The headline leads the text, as the indexer reads a title line.
  if (title && text && !text.startsWith(title) && !text.includes(`\n\n${title}\n\n`))
    text = `${title}\n\n${text}`;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  let url: string | null = canonical ?? metaContent(doc, ['meta[property="og:url"]']) ?? address;
  try {
    url = url ? new URL(url, address ?? undefined).href : null;
  } catch {
    url = address;
  }
  const published = day(
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[itemprop="datePublished"]',
    ]) ??
      ld.published ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
  );
  const outlet =
    metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? ld.outlet;
  return { text, meta: { outlet, label: null, title, url, published } };
}
