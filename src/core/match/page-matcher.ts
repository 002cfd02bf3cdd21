/**
 * The page matcher: one block of page text in, the names and claims it states out, as offset
 * ranges into that text. Pure (no DOM), so it is unit-tested in Node and runs unchanged in the
 * content script, which maps the offsets back to text nodes.
 */
import { contentWords } from '../compare/grams.ts';
import type { FactStatus, MatcherData } from '../index/schema.ts';
import { tokenize } from '../text/tokens.ts';
import { backgroundSpans, withoutBackground } from './background.ts';
import { buildClaimMatcher, type ClaimMatch, type ClaimMatcher, matchSentence } from './claim-matcher.ts';
import type { NamedSpan } from './clause-links.ts';
import {
  buildNameMatcher,
  matchNames,
  type NameMatch,
  type NameMatcher,
  type PagePattern,
} from './name-matcher.ts';
import { splitSentences } from './page-sentences.ts';
import { quotedSpans } from './quoted.ts';

export type { ClaimMatch, NameMatch };

/** Names and claims found in one text, each sorted by start. */
export interface TextMatches {
  names: NameMatch[];
  claims: ClaimMatch[];
}

/** A compiled matcher for one index. */
export interface PageMatcher {
  names: NameMatcher;
  claims: ClaimMatcher;
}

/** Compiles the index's matcher data once per page. */
export function createPageMatcher(
  data: MatcherData,
  facts: readonly { id: string; status: FactStatus }[],
): PageMatcher {
  return {
    names: buildNameMatcher(data.names as PagePattern[]),
    claims: buildClaimMatcher(data, facts),
  };
}

/** Claims shorter than this many characters are not worth a sentence lookup ("He said."). */
const MIN_CLAIM_CHARS = 20;
/**
 * Longer than this, a "sentence" is a list with no full stop (a page's 7,500 commenter names):
 * its words would touch every fact, and news sentences stay well under it.
 */
const MAX_CLAIM_CHARS = 1500;

/** The page's own attribution of what it reports ("…, said <outlet>", "according to <outlet>", "reported by <outlet>"). */
const CITED_BEFORE =
  /(?:\bsaid|\bsays|according to|\bciting|\bquoted by|\bquoting|\breported by)\s+(?:the\s+)?$/i;
const CITED_AFTER = /^\s+(?:said|says|quoted)\b/i;

/** Whether a name is cited as the page's source here, not named as where someone spoke. */
function citedAt(text: string, name: NameMatch): boolean {
  return (
    CITED_BEFORE.test(text.slice(Math.max(0, name.start - 30), name.start)) ||
    CITED_AFTER.test(text.slice(name.end, name.end + 12))
  );
}

/** A sentence that opens with a third-person pronoun continues about the person named before. */
const PRONOUN_OPENING = /^(?:He|She|His|Her)\b/u;

/** Matches one block of text (a paragraph): names everywhere, claims sentence by sentence. */
export function matchText(matcher: PageMatcher, text: string): TextMatches {
  const names = matchNames(matcher.names, text, tokenize(text));
  const claims: ClaimMatch[] = [];
  // Who the text was last about: a sentence that opens with "He" or "His" is about them.
  let about: string | null = null;
  if (matcher.claims.sigs.length > 0 && text.length >= MIN_CLAIM_CHARS) {
    let n = 0;
    const isPerson = (entity: string) => matcher.claims.concepts.isPerson(`#${entity}`);
    for (const span of splitSentences(text)) {
      if (span.end - span.start < MIN_CLAIM_CHARS || span.end - span.start > MAX_CLAIM_CHARS) continue;
      const nameWords = new Set<string>();
      const entities = new Set<string>();
      const cited = new Set<string>();
      const speaking = new Set<string>();
      const named: NamedSpan[] = [];
      const quotes = quotedSpans(text, span);
      let subject: string | null = null;
      const sentence = text.slice(span.start, span.end);
      const background = backgroundSpans(sentence).map((b) => ({
        start: b.start + span.start,
        end: b.end + span.start,
      }));
      while (n < names.length && (names[n] as NameMatch).end <= span.start) n++;
      for (let k = n; k < names.length && (names[k] as NameMatch).start < span.end; k++) {
        const name = names[k] as NameMatch;
        if (background.some((b) => name.start >= b.start && name.end <= b.end)) continue;
        for (const w of contentWords(text.slice(name.start, name.end))) nameWords.add(w);
        entities.add(name.entity);
        named.push({ start: name.start - span.start, end: name.end - span.start, entity: name.entity });
        if (citedAt(text, name)) cited.add(name.entity);
        if (!quotes.some(([a, b]) => name.start >= a && name.end <= b)) {
          speaking.add(name.entity);
          subject ??= isPerson(name.entity) ? name.entity : null;
        }
      }
      const pronoun = about ? PRONOUN_OPENING.exec(text.slice(span.start, span.start + 6)) : null;
      if (about && pronoun && !entities.has(about)) {
        entities.add(about);
        speaking.add(about);
        // The pronoun names them where it stands, for the piece of the sentence it opens.
        named.push({ start: 0, end: pronoun[0].trimEnd().length, entity: about });
      }
      about = subject ?? about;
      const found = matchSentence(
        matcher.claims,
        background.length
          ? withoutBackground(
              sentence,
              background.map((b) => ({ start: b.start - span.start, end: b.end - span.start })),
            )
          : sentence,
        nameWords,
        entities,
        cited,
        speaking,
        named,
      );
      if (found) claims.push({ start: span.start, end: span.end, ...found });
    }
  }
  return { names, claims };
}
