/**
 * The credits an article prints for where its copy comes from: a dateline credit
 * ("NAIROBI (Newswire) —"), a sign-off line ("— Newswire", "Agencies"), a photo credit
 * ("NEWSWIRE/Jane Doe", "Image Credit: NEWSWIRE"). Read from the raw article, before furniture
 * is cleaned away, because the sign-off and the photo credit are exactly what cleaning drops.
 * No list of agencies: the shape of the line says it is a credit, the line says whose.
 */

/** A credit as a reader would print it, and where the article gives it. */
export interface Credit {
  name: string;
  where: 'dateline' | 'sign-off' | 'photo';
}

/** Credit words that name no one in particular: they say the copy is bought, not from whom. */
const GENERIC = new Set(['agencies', 'agency', 'wires', 'wire', 'wire services', 'news agencies', 'staff']);

/** A credit name: one to four capitalised words, or an all-caps run ("NEWSWIRE", "AFP"). */
const NAME = String.raw`\p{Lu}[\p{L}&.'-]*(?:[ ]\p{Lu}[\p{L}&.'-]*){0,3}`;
const DATELINE = new RegExp(
  String.raw`^\s*\p{Lu}[\p{L} .,'-]{1,40}?\s*\((${NAME})\)\s*[-\u2013\u2014:]`,
  'u',
);
const SIGN_OFF = new RegExp(String.raw`^\s*(?:[-\u2013\u2014]\s*|\(|[Ww]ith\s+)?(${NAME})\)?\.?\s*$`, 'u');
/** "NEWSWIRE/Jane Doe", "(AGENCY Photo/Jane Doe)": an all-caps credit, a slash, a photographer's name. */
const PHOTO_SLASH = /(?<![\p{L}\p{N}/])(\p{Lu}{2,})(?: [Pp][Hh][Oo][Tt][Oo])?\/\p{Lu}\p{Ll}+ \p{L}/gu;
const PHOTO_LABEL = new RegExp(String.raw`\b(?:image|photo|picture)\s+credit\s*:\s*(${NAME})`, 'giu');
/** Sign-offs are the last lines of an article. */
const SIGN_OFF_LINES = 3;

/** True for a credit that names no one ("Agencies"): it marks bought copy but joins no reports. */
export function isGenericCredit(name: string): boolean {
  return GENERIC.has(name.toLowerCase());
}

/** The credit to name a source or report by: the first named one, else a generic one, else null. */
export function preferredCredit(names: readonly string[]): string | null {
  return names.find((c) => !isGenericCredit(c)) ?? names[0] ?? null;
}

/** "NEWSWIRE" → "Newswire"; short acronyms ("AFP") and mixed case stay as printed. */
function display(name: string): string {
  return name
    .split(' ')
    .map((w) => (w.length > 4 && w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w))
    .join(' ');
}

/** The credits `raw` prints, first found first, each name once (the first place it is given). */
export function findCredits(raw: string): Credit[] {
  const out: Credit[] = [];
  const add = (name: string, where: Credit['where']) => {
    const shown = display(name.trim());
    if (shown && !out.some((c) => c.name.toLowerCase() === shown.toLowerCase()))
      out.push({ name: shown, where });
  };
  const lines = raw.split(/\r?\n/u).filter((l) => l.trim() !== '');
  for (const line of lines.slice(0, 3)) {
    const m = DATELINE.exec(line);
    if (m?.[1]) add(m[1], 'dateline');
  }
  for (const line of lines.slice(-SIGN_OFF_LINES)) {
    // A sign-off is a short line of its own: a headline or a sentence is no credit.
    if (line.trim().split(/\s+/u).length > 4) continue;
    const m = SIGN_OFF.exec(line);
    if (
      m?.[1] &&
      (/^\s*(?:[-\u2013\u2014(]|[Ww]ith\s)/u.test(line) ||
        isGenericCredit(m[1]) ||
        m[1] === m[1].toUpperCase())
    )
      add(m[1], 'sign-off');
  }
  for (const m of raw.matchAll(PHOTO_SLASH)) if (m[1]) add(m[1], 'photo');
  for (const m of raw.matchAll(PHOTO_LABEL)) if (m[1]) add(m[1], 'photo');
  return out;
}
