/**
 * Where the article is: `<article>` / `<main>` / `[role=main]` when they hold real
 * prose, else a light Readability-style score (the element whose child paragraphs carry the most
 * text). Null on pages that are not articles (a search page, a web app): the caller then does
 * close to nothing. Reads only tag names and textContent lengths: no layout.
 */

/** Prose needed before a page counts as an article (characters in paragraphs of 40+ chars). */
const MIN_ARTICLE_CHARS = 300;
const MIN_PARAGRAPH = 40;

/**
 * Prose in paragraphs under `root`, counted until it is clearly enough. Live collections
 * (getElementsByTagName) are lazy: a 5 MB article is not listed whole to read its first pages.
 */
function proseLength(root: Element): number {
  let total = 0;
  for (const tag of ['p', 'li', 'pre', 'blockquote']) {
    const list = root.getElementsByTagName(tag);
    // Indexing, not `.length`: the length of a live collection makes the browser count all of it.
    for (let i = 0, el = list[0]; el; el = list[++i]) {
      const n = (el.textContent ?? '').length;
      if (n >= MIN_PARAGRAPH) total += n;
      if (total >= MIN_ARTICLE_CHARS * 4) return total;
    }
  }
  return total;
}

/** The element holding the article's text, or null when the page is not an article. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const candidates = [...doc.querySelectorAll('article, main, [role="main"], [itemprop="articleBody"]')];
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of candidates) {
    const n = proseLength(el);
    // Several <article> teasers on a front page: the longest one alone is not the page.
    if (n > bestLength) {
      best = el;
      bestLength = n;
    }
  }
  if (best && bestLength >= MIN_ARTICLE_CHARS) {
    // A <main> holding the <article> is fine; an <article> that is one of many teasers inside <main>
    // is widened to their common container only when it carries little of the prose.
    return best;
  }
  // Readability-style: score each paragraph's parent by the prose it holds; the top parent wins.
  const scores = new Map<Element, number>();
  let paragraphs = 0;
  const ps = body.getElementsByTagName('p');
  for (let i = 0, p = ps[0]; p; p = ps[++i]) {
    if (++paragraphs > 3000) break;
    const n = (p.textContent ?? '').length;
    if (n < MIN_PARAGRAPH) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + n);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + n / 2);
  }
  let top: Element | null = null;
  let topScore = 0;
  for (const [el, score] of scores)
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  return top && topScore >= MIN_ARTICLE_CHARS ? top : null;
}
