/**
 * Kinds of a role: the corpus ranks people by a role noun ("the first senior diplomat"), and a page
 * ranks the same person by a kind of it ("the first ambassador", "the first envoy to defect"). The
 * rank slot compares only within one role, so the page's role is read as the corpus's where the
 * lexical database says it is a kind of it (WordNet's direct hyponyms). Compiled at build time for
 * the corpus's own role nouns only.
 */
import { stem } from '../compare/grams.ts';
import type { Lexicon } from './paraphrases.ts';

/** Role-word stem → the corpus role stem it is a kind of. The corpus's own roles keep their own. */
export function compileRoles(roles: Iterable<string>, lexicon: Lexicon): Record<string, string> {
  const words = [...new Set([...roles].map((w) => w.toLowerCase()))].sort();
  const own = new Set(words.map(stem));
  const map: Record<string, string> = {};
  for (const role of words)
    for (const kind of lexicon.kinds?.(role) ?? []) {
      if (/[\s_]/.test(kind)) continue;
      const k = stem(kind);
      if (!own.has(k) && !(k in map)) map[k] = stem(role);
    }
  return map;
}

/** A slot key read through the role map: "ordinal:envoy" → "ordinal:diplomat". */
export function roleKey(key: string, roles: Readonly<Record<string, string>>): string {
  if (!key.startsWith('ordinal:')) return key;
  const role = roles[key.slice(8)];
  return role ? `ordinal:${role}` : key;
}
