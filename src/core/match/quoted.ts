/** Quoted stretches of a text: what someone says, apart from who says it. */
import type { Span } from './page-sentences.ts';

/** The quotations that start inside `span` of `text`, as [start, end) offsets in `text`. */
export function quotedSpans(text: string, span: Span = { start: 0, end: text.length }): [number, number][] {
  const out: [number, number][] = [];
  const re = /["\u201c]([^"\u201c\u201d]{3,})["\u201d]/gu;
  re.lastIndex = span.start;
  for (let m = re.exec(text); m && m.index < span.end; m = re.exec(text))
    out.push([m.index, m.index + m[0].length]);
  return out;
}
