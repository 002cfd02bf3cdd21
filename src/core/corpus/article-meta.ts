/**
 * An article's metadata from what its page's head says (collected by the shell, `PageHead`):
 * the outlet, title, canonical address and publication day from meta tags, then JSON-LD, then
 * the page's first heading and time element. JSON-LD is read as data, never run. The headline
 * leads the text, as the indexer reads a title line.
 */
import type { SourceMeta } from '../index/article.ts';

/** The parts of a page's head and body that say what the article is, as strings. */
export interface PageHead {
  /** Meta tag content by its property, name or itemprop (the first of each). */
  meta: Record<string, string>;
  canonical: string | null;
  /** The text of each JSON-LD block. */
  ld: string[];
  /** The first heading's text. */
  h1: string;
  /** The first time element's datetime. */
  time: string | null;
}

/** The meta keys read, each list in order of preference. */
export const META_KEYS = {
  title: ['og:title', 'twitter:title'],
  url: ['og:url'],
  published: ['article:published_time', 'date', 'datePublished'],
  outlet: ['og:site_name', 'application-name'],
} as const;

const first = (head: PageHead, keys: readonly string[]) =>
  keys.map((k) => head.meta[k]?.trim()).find((v) => v) ?? null;

function jsonLd(blocks: readonly string[]): {
  published: string | null;
  outlet: string | null;
  title: string | null;
} {
  const out = {
    published: null as string | null,
    outlet: null as string | null,
    title: null as string | null,
  };
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block);
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

/** Resolves an address against a base (the platform's URL parser; null when it is no URL). */
export type ResolveUrl = (url: string, base: string | null) => string | null;

/** The article's text (headline first) and metadata; `address` is where it was read. */
export function articleMeta(
  head: PageHead,
  body: string,
  address: string | null,
  resolve: ResolveUrl,
): { text: string; meta: Omit<SourceMeta, 'file'> } {
  const ld = jsonLd(head.ld);
  const h1 = head.h1.replace(/\s+/g, ' ').trim();
  const title = first(head, META_KEYS.title) ?? ld.title ?? (h1 || null);
  let text = body;
  if (title && text && !text.startsWith(title) && !text.includes(`\n\n${title}\n\n`))
    text = `${title}\n\n${text}`;
  const stated = head.canonical ?? first(head, META_KEYS.url) ?? address;
  const url = (stated && resolve(stated, address)) || address;
  const published = day(first(head, META_KEYS.published) ?? ld.published ?? head.time);
  const outlet = first(head, META_KEYS.outlet) ?? ld.outlet;
  return { text, meta: { outlet, label: null, title, url, published } };
}
