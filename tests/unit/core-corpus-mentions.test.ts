/**
 * The corpus name pass on made-up sentences with hand-given tags: a sentence-opening function
 * word is no part of a name, and people words found anywhere in the corpus (a plural, "a … who",
 * a conjunction) are dropped everywhere, while the names beside them stay.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusMentions, type MentionDoc } from '../../src/core/entities/corpus-mentions.ts';

/** One document of one-sentence lines; every token tagged by `tag(word)`. */
function doc(source: string, lines: string[], tag: (word: string) => string): MentionDoc {
  const text = lines.join(' ');
  const tags = new Map<number, string>();
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) tags.set(m.index, tag(m[0]));
  let at = 0;
  const sentences = lines.map((l) => {
    const s = { start: at, end: at + l.length, tags };
    at += l.length + 1;
    return s;
  });
  return { source, text, sentences, headlines: [] };
}

const TAGS: Record<string, string> = {
  Every: 'DET',
  a: 'DET',
  the: 'DET',
  who: 'PRON',
  and: 'CCONJ',
  voter: 'NOUN',
  voters: 'NOUN',
  backs: 'VERB',
  said: 'VERB',
  won: 'VERB',
  in: 'ADP',
  towns: 'NOUN',
  trade: 'NOUN',
};
const tag = (w: string) => TAGS[w] ?? (/^\p{Lu}/u.test(w) ? 'PROPN' : 'NOUN');

test('a function word opening a sentence and people words are no names', () => {
  const docs = [
    doc('s0', ['Every Norwegian voter backs Ingrid Dahl.', 'Dahl won in Norway.'], tag),
    doc('s1', ['Dahl is a Lutheran who said so.', 'Calvinist and Lutheran voters backs Dahl.'], tag),
    doc('s2', ['Hanseatic towns trade with Bergen.', 'Lutherans said Bergen.'], tag),
  ];
  const { inputs } = corpusMentions(docs);
  const texts = new Set(inputs.map((m) => m.text));
  for (const w of ['Ingrid Dahl', 'Dahl', 'Norway', 'Bergen']) assert.ok(texts.has(w), w);
  for (const w of ['Every Norwegian', 'Norwegian', 'Lutheran', 'Lutherans', 'Calvinist', 'Hanseatic'])
    assert.ok(!texts.has(w), w);
});
