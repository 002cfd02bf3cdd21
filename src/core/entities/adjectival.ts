/**
 * Capitalised words that are not names of their own, told apart by general rules over the
 * corpus's own mentions (no word lists):
 * - a demonym of a place the corpus names ("Norwegian" beside "Norway", "Omani" beside
 *   "Oman", "Syrians"-style plurals): an adjective or a people, not an organisation or a person;
 * - a capitalised "-ing" word seen only at the start of sentences ("Speaking to reporters, …"):
 *   a participle, not a name.
 * Marked on every page, such words were the noisiest highlights, and typed as organisations.
 */

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
