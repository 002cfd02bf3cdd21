/**
 * Links that open a source at the sentence: a URL text fragment (`#:~:text=start,end`, the
 * WICG Text Fragments syntax that Chromium, Safari and Firefox resolve). A short sentence is
 * quoted whole; a long one by its first and last words, which survives small differences
 * between the corpus's cleaned text and the live page inside the sentence.
 */

/** Words quoted at each end of a long sentence. */
const EDGE_WORDS = 5;
/** Up to this many words a sentence is quoted whole. */
const WHOLE_WORDS = 12;

/** Percent-encodes a fragment term: `-`, `,` and `&` are syntax there and must be escaped too. */
function term(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * `url` with a text fragment for `sentence`, replacing any fragment it had; null when the URL
 * is not http(s) or the sentence has no words.
 */
export function textFragmentLink(url: string | null | undefined, sentence: string): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const base = url.replace(/#.*$/, '');
  // A sentence's closing full stop belongs to it, but a page may set it apart from the last word.
  const last = words.length - 1;
  words[last] = (words[last] as string).replace(/[.!?;:,]+$/, '');
  const directive =
    words.length <= WHOLE_WORDS
      ? term(words.join(' '))
      : `${term(words.slice(0, EDGE_WORDS).join(' '))},${term(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
