/**
 * The same 4-gram hashes as core/compare/grams `charGrams`, computed without a string per gram:
 * the page matcher hashes every sentence of every page, so this is its hottest loop (a 5 MB page
 * is 5 M grams). A unit test checks it equals `charGrams` on varied text.
 */
import { foldChar } from '../text/normalize.ts';

const NON_ASCII = /[^ -~\t\n\r]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * `gramText` (core/compare/grams) without a string concatenation per character: only the
 * non-ASCII characters go through `foldChar` (curly quotes, dashes, accented letters).
 */
function fastGramText(text: string): string {
  return text.replace(NON_ASCII, foldChar).toLowerCase().replace(NOT_WORD, ' ').trim();
}

const scratch = { buf: new Uint32Array(1024) };

/** Sorted, unique FNV-1a hashes of the 4-grams of `gramText(text)` (identical to `charGrams`). */
export function gramHashes(text: string): number[] {
  const t = fastGramText(text);
  if (t.length === 0) return [];
  const s = t.length < 4 ? t.padEnd(4, ' ') : t;
  const count = s.length - 3;
  if (scratch.buf.length < count) scratch.buf = new Uint32Array(count * 2);
  const buf = scratch.buf;
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ s.charCodeAt(i + 1), 0x01000193);
    h = Math.imul(h ^ s.charCodeAt(i + 2), 0x01000193);
    h = Math.imul(h ^ s.charCodeAt(i + 3), 0x01000193);
    buf[i] = h >>> 0;
  }
  const sorted = buf.subarray(0, count).sort();
  const out: number[] = [];
  let last = -1;
  for (let i = 0; i < count; i++) {
    const v = sorted[i] as number;
    if (v !== last) out.push(v);
    last = v;
  }
  return out;
}
