/**
 * Capitalised words that are not names of their own, told apart by general rules over the
 * corpus's own mentions (no word lists):
 * - a demonym of a place the corpus names ("Norwegian" beside "Norway", "Omani" beside
 *   "Oman", "Syrians"-style plurals): an adjective or a people, not an organisation or a person;
 * - a capitalised "-ing" word seen only at the start of sentences ("Speaking to reporters, …"):
 *   a participle, not a name;
 * - people words and modifiers ("Catholic", "Hanseatic towns", "Chapter 7", "Norwegian-led"): below.
 * Marked on every page, such words were the noisiest highlights, and typed as organisations.
 */

import { endsWithOrganisationNoun, initials } from './group.ts';

const DEMONYM_ENDINGS = ['n', 'an', 'ian', 'i', 'ese', 'ns', 'ans', 'ians', 'is'];

/** True when `word` is a demonym formed on one of `places` (single-word names, any case). */
export function isDemonymOf(word: string, places: ReadonlySet<string>): boolean {
  if (/\s/.test(word) || word.length < 4) return false;
  const lower = word.toLowerCase();
  for (const ending of DEMONYM_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, lower.length - ending.length);
    if (stem.length < 3) continue;
    // "Norway" → "Norwegian" changes the stem; the plain forms ("Oman" + "i", "Kenya" + "n") are the common case.
    if (places.has(stem) || places.has(`${stem}a`) || places.has(stem.replace(/i$/, 'y'))) return true;
  }
  return false;
}

/** True for a capitalised "-ing" word: a participle when it only ever opens sentences. */
export function isParticipleForm(word: string): boolean {
  return /^\p{Lu}\p{Ll}{2,}ing$/u.test(word);
}

/**
 * The regular demonyms of a one-word place name ("Oman" → "Omani", "Japan" → "Japanese", "Italy"
 * → "Italian", "Kenya" → "Kenyan"); irregular ones ("Norwegian", "French") are not formed.
 */
export function demonymsOf(place: string): string[] {
  const p = place.toLowerCase();
  if (!/^\p{L}{3,}$/u.test(p)) return [];
  if (p.endsWith('a')) return [`${p}n`, `${p.slice(0, -1)}ese`];
  if (p.endsWith('y')) return [p.slice(0, -1), `${p.slice(0, -1)}ian`];
  if (/[aeiou]$/.test(p)) return [];
  return [`${p}i`, `${p}ian`, `${p}ese`];
}

/** One printed use of a capitalised word or run, with what follows it in its sentence. */
export interface NameUse {
  text: string;
  /** The lower-case word just before it ("a", "in"). */
  before?: string;
  /** The printed word just after it, or undefined at a punctuation mark or the sentence end. */
  next?: string;
  /** The tagger's part of speech for `next`. */
  nextTag?: string;
  /** A possessive ("Dahl's") follows: the use is a noun phrase of its own. */
  possessive?: boolean;
}

const INDEFINITE = /^(?:a|an)$/;

/** The use is followed by a common noun it modifies ("Hanseatic towns", "TV network") or a number ("Chapter 7"). */
function modifies(use: NameUse): boolean {
  if (use.possessive || !use.next) return false;
  if (/^\p{N}/u.test(use.next)) return true;
  return use.nextTag === 'NOUN' && /^\p{Ll}/u.test(use.next);
}

function firstWord(text: string): string {
  return text.split(/[\s\u00a0]+/u)[0] ?? text;
}

/**
 * Capitalised words that name a kind of people or qualify a noun rather than name one thing, by
 * general English rules over all their uses in the corpus:
 * - a people word: printed also with a plural "s" ("Catholic" / "Catholics"), or as a head after an
 *   indefinite article ("a Catholic who…", "a Catholic Croat who…"), or joined by "and"/"or" to one
 *   ("Protestant and Catholic Irish voters");
 * - a run a people word opens ("Catholic Irish voters"), when no use of it stands as a name
 *   of its own and it does not end in an organisation noun ("Nordic Council" stays);
 * - a one-word modifier: every use qualifies the common noun after it ("Hanseatic towns") or a
 *   number ("Chapter 7"), unless it is the acronym of a longer name the corpus prints ("WHO
 *   briefing" beside "World Health Organization");
 * - a hyphenated modifier ("Norwegian-led", "Kremlin-backed").
 * `pairs` lists uses joined by a conjunction, as index pairs into `uses`.
 * Returns the texts that are not names.
 */
export function modifierWords(uses: readonly NameUse[], pairs: readonly [number, number][]): Set<string> {
  const byText = new Map<string, number[]>();
  uses.forEach((u, i) => {
    const list = byText.get(u.text) ?? [];
    list.push(i);
    byText.set(u.text, list);
  });
  const isSingle = (text: string) => !/[\s\u00a0]/u.test(text);
  const indefiniteHead = (u: NameUse) =>
    !!u.before && INDEFINITE.test(u.before) && !modifies(u) && u.nextTag !== 'PROPN';
  const paired = new Set(pairs.flat());

  const people = new Set<string>();
  for (const w of byText.keys())
    if (isSingle(w) && /\p{Ll}$/u.test(w) && byText.has(`${w}s`)) people.add(w).add(`${w}s`);
  for (const u of uses) if (indefiniteHead(u)) people.add(firstWord(u.text));
  const openedRun = (text: string) =>
    !isSingle(text) &&
    people.has(firstWord(text)) &&
    !endsWithOrganisationNoun(text) &&
    (byText.get(text) ?? []).every((i) => modifies(uses[i]!) || indefiniteHead(uses[i]!) || paired.has(i));
  const isPeople = (text: string) => (isSingle(text) ? people.has(text) : openedRun(text));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of pairs) {
      const x = uses[a]?.text;
      const y = uses[b]?.text;
      if (!x || !y || x === y || isPeople(x) === isPeople(y)) continue;
      const other = isPeople(x) ? y : x;
      if (!isSingle(other)) continue;
      people.add(other);
      changed = true;
    }
  }
  const acronyms = new Set<string>();
  for (const text of byText.keys()) if (!isSingle(text)) acronyms.add(initials(text));
  const isAcronymOfName = (w: string) => acronyms.has(w.replace(/\./g, '').toLowerCase());
  const out = new Set<string>();
  for (const [text, list] of byText) {
    if (isPeople(text)) out.add(text);
    else if (isSingle(text) && !isAcronymOfName(text) && list.every((i) => modifies(uses[i]!))) out.add(text);
    else if (/^\p{Lu}\p{L}*-\p{Ll}+$/u.test(text)) out.add(text);
  }
  return out;
}
