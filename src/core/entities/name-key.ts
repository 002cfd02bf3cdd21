/**
 * Spelling keys for names: the per-token key under which transliteration variants meet
 * (Muhammad / Muhamad / Mohammed, Hussein / Hussain, Kadir / Kadeer, Ezzubayr / ez-Zubayr / Zoubayr), plus the
 * generic word classes the grouping rules need (particles, titles). No name lists: every rule is
 * about spelling, so it works on any corpus.
 *
 * Case is folded here; the page matcher checks capitalisation on the original text separately.
 */
import { foldText } from '../text/normalize.ts';
import { tokenize } from '../text/tokens.ts';

/** Name particles (Arab articles and patronymics, European nobiliary particles), lower-case. */
const PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'il',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'ash',
  'ath',
  'adh',
  'an',
  'ez',
  'es',
  'ed',
  'er',
  'en',
  'et',
  'bin',
  'ibn',
  'bint',
  'ben',
  'de',
  'del',
  'della',
  'der',
  'di',
  'da',
  'du',
  'des',
  'dos',
  'das',
  'van',
  'von',
  'den',
  'ter',
  'la',
  'le',
  'zu',
]);

/** Hyphen-attached particles that may prefix a name token ("al-Rashid", "ez-Zubayr", "el-Zoubayr", "bin-"). */
const ATTACHED_PARTICLE =
  /^(?:al|el|ul|il|ad|ar|as|at|az|ash|ath|adh|an|ez|es|ed|er|en|et|bin|ibn|ben)-(?=\p{L}{2})/u;

/**
 * An assimilated Arab article written solid: "E" + a doubled sun letter ("Ezzubayr" = "ez-Zubayr").
 * Only with "e": "A" + double ("Allen", "Ammar") is too often part of the name itself.
 */
const ASSIMILATED = /^e([dnrstz])\1(?=\p{L}{2,})/u;

/** Generic English titles and ranks, lower-case, without the full stop. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'vice',
  'general',
  'gen',
  'brigadier',
  'colonel',
  'col',
  'lieutenant',
  'lt',
  'major',
  'maj',
  'captain',
  'capt',
  'sergeant',
  'sgt',
  'corporal',
  'cpl',
  'private',
  'pte',
  'admiral',
  'adm',
  'commander',
  'cmdr',
  'marshal',
  'field',
  'king',
  'queen',
  'prince',
  'princess',
  'emir',
  'sheikh',
  'shaikh',
  'imam',
  'rev',
  'reverend',
  'father',
  'pope',
  'bishop',
  'archbishop',
  'cardinal',
  'rabbi',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'governor',
  'gov',
  'mayor',
  'minister',
  'premier',
  'chancellor',
  'secretary',
  'secretary-general',
  'ambassador',
  'envoy',
  'mediator',
  'judge',
  'justice',
  'chief',
  'deputy',
  'prime',
  'foreign',
  'defence',
  'defense',
  'interior',
  'finance',
  'acting',
  'former',
  'late',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'dictator',
  'leader',
  'chairman',
  'chairwoman',
  'director',
  'officer',
  'inspector',
  'superintendent',
  'detective',
  'constable',
  'st',
]);

/** Lower-case, diacritics folded, typographic apostrophes and dashes made plain. */
function plain(token: string): string {
  return foldText(token).toLowerCase();
}

/** Strips a possessive ("Dupont's", "Rashid’s", "Jonas'"). */
export function stripPossessive(token: string): string {
  return token.replace(/['\u2019\u02bc]s$/iu, '').replace(/(?<=s)['\u2019\u02bc]$/iu, '');
}

/** True for a name particle, alone or hyphen-attached ("al", "Al", "al-", "ez-", "bin", "van", "de"). */
export function isParticle(token: string): boolean {
  const t = plain(token).replace(/-$/, '');
  return PARTICLES.has(t);
}

/** True for a generic title or rank ("Mr", "Mr.", "Dr", "President", "Brigadier", "Gen."). */
export function isTitle(token: string): boolean {
  return TITLES.has(plain(token).replace(/\.$/, ''));
}

/**
 * Vowel skeleton: the first letter kept, each later vowel run (a e i o u y) one '*', doubled
 * consonants single, a trailing 'h' after a vowel dropped. Muhammad, Muhamad and Mohammed
 * all give "m*h*m*d"; Hussein and Hussain "h*s*n"; Kadir and Kadeer "k*d*r".
 */
function skeleton(word: string): string {
  let w = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/ou|oo/g, 'u')
    .replace(/([aeiouy])h$/, '$1');
  w = w.replace(/([b-df-hj-np-tv-xz])\1+/g, '$1');
  let out = '';
  let i = 0;
  if (w.length > 0 && /[aeiou]/.test(w.charAt(0))) {
    // The first letter is kept even when a vowel: Omar and Amer are different names.
    out = w.charAt(0);
    while (i < w.length && /[aeiouy]/.test(w.charAt(i))) i++;
  }
  for (; i < w.length; i++) {
    const ch = w.charAt(i);
    if (/[aeiouy]/.test(ch)) {
      if (!out.endsWith('*')) out += '*';
    } else out += ch;
  }
  return out;
}

/**
 * The spelling key of one name token: possessive stripped, case and diacritics folded, a
 * hyphen-attached or assimilated article removed ("al-Rashid" → key of "Rashid", "Ezzubayr" → "Zubayr"),
 * then the vowel skeleton of each hyphen part. Returns '' for a token with no letters.
 */
export function tokenKey(token: string): string {
  const bare = stripPossessive(token);
  // Acronyms ("EU", "E.U.", "NATO") are keyed by their letters: a vowel skeleton would blur them.
  if (/^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,4}$/u.test(bare)) return bare.replace(/\./g, '').toLowerCase();
  let t = plain(bare).replace(/\.$/, '');
  t = t.replace(/['\u02bc`]/g, '');
  for (let n = 0; n < 2; n++) {
    const next = t.replace(ATTACHED_PARTICLE, '');
    if (next === t) break;
    t = next;
  }
  t = t.replace(ASSIMILATED, '$1');
  return t
    .split('-')
    .map((part) => part.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .map(skeleton)
    .join('-');
}

/**
 * The keys of a multi-token name as the grouping uses them: leading titles, particles and
 * possessives dropped ("Mr. al-Rashid's" → key of "Rashid"; "Wadi Ezzubayr" → keys of "Wadi", "Zubayr").
 * With `keepParticles`, standalone particles stay (organisations such as "Al Arabiya").
 */
export function nameKeys(name: string, options: { keepParticles?: boolean } = {}): string[] {
  const tokens = tokenize(name).map((t) => t.text);
  let i = 0;
  while (i < tokens.length - 1 && isTitle(tokens[i] as string)) i++;
  const keys: string[] = [];
  for (; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!options.keepParticles && isParticle(token) && i < tokens.length - 1) continue;
    const key = options.keepParticles ? plainKey(token) : tokenKey(token);
    if (key) keys.push(key);
  }
  return keys;
}

/** A token's key without article stripping (for organisation names that begin with "Al"). */
function plainKey(token: string): string {
  const t = plain(stripPossessive(token)).replace(/[^\p{L}\p{N}-]/gu, '');
  return t.split('-').filter(Boolean).map(skeleton).join('-');
}
