/**
 * Meta-test (issue 3.9): nothing about the seed story is written in src/. Every gold entity
 * name and mention, their distinctive tokens, and every gold quote is searched for in the src/
 * folders of the text pipeline (case-sensitive, whole words); one hit fails.
 *
 * Scope: every file in src/, code and comments alike.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, SHARED } from '../support/paths.ts';

function files(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

interface Gold {
  entities: { canonical: string; mentions: Record<string, string[]> }[];
  facts: { members: { quote: string }[] }[];
}

/** The story's words: names and mentions (titles dropped) and their distinctive tokens, and quotes. */
function storyStrings(gold: Gold): string[] {
  const out = new Set<string>();
  for (const e of gold.entities) {
    const names = [e.canonical, ...Object.values(e.mentions).flat()];
    for (const n of names) {
      const bare = n.replace(/^(?:Mr|Mrs|Dr|Ms)\.?\s+/, '');
      out.add(bare);
      // Single name tokens of five letters or more that are not ordinary English words.
      for (const t of bare.split(/[\s-]+/))
        if (
          t.length >= 5 &&
          /^\p{Lu}/u.test(t) &&
          !/^(?:Council|National|United|Nations|League|Security|Guard|Local|Coordination|Committees|Republican|Charter)$/.test(
            t,
          )
        )
          out.add(t);
    }
  }
  for (const f of gold.facts)
    for (const m of f.members) if (m.quote.split(/\s+/).length >= 4) out.add(m.quote);
  return [...out].filter((s) => s.length >= 3);
}

/** All of src/: comments and examples there use made-up names too. */
const SCOPE = ['src'];

test('no seed entity name or gold quote appears in src/', () => {
  const gold = JSON.parse(readFileSync(path.join(SHARED, 'eval/seeds-gold.json'), 'utf8')) as Gold;
  const needles = storyStrings(gold);
  assert.ok(needles.length > 50, 'the gold file yields the story words');
  const hits: string[] = [];
  for (const file of SCOPE.flatMap((d) => files(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
    for (const n of needles) {
      const re = new RegExp(
        `(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}])`,
        'u',
      );
      if (re.test(text)) hits.push(`${path.relative(ROOT, file)}: ${n}`);
    }
  }
  assert.deepEqual(hits, []);
});
