/**
 * The page matcher on the real seed corpus (indexed here from seeds/ as the build does), with
 * page sentences written for this test in words no seed uses: the facts they state must be found
 * by meaning, with the status the sources give them.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { CorpusIndex, Fact } from '../../src/core/index/schema.ts';
import { createPageMatcher, matchText, type PageMatcher } from '../../src/core/match/page-matcher.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { ROOT } from '../support/paths.ts';

let index: CorpusIndex;
let matcher: PageMatcher;

before(async () => {
  index = (await indexFolder(path.join(ROOT, 'seeds'))).index;
  matcher = createPageMatcher(index.matcher, index.facts);
});

/** The fact one of whose members states `words` (in the span of its sentence that states it). */
function factSaying(words: string): Fact {
  const fact = index.facts.find((f) =>
    f.members.some((m) => m.text.slice(m.span?.start ?? 0, m.span?.end).includes(words)),
  );
  assert.ok(fact, `a fact says "${words}"`);
  return fact;
}

function linked(sentence: string): { ids: string[]; status: string[] } {
  const claims = matchText(matcher, sentence).claims;
  return { ids: claims.flatMap((c) => c.ids), status: claims.map((c) => c.status) };
}

test('an apposition inside a long sentence links the fact it states', () => {
  const son = factSaying('son of a veteran former Syrian defence minister');
  const page =
    'Last week Brig. Gen. Manaf Tlass, son of a former defense minister, fled Syria, though he has not spoken about the uprising or the army since.';
  assert.ok(linked(page).ids.includes(son.id), JSON.stringify(linked(page)));
});

test('how he said it links the channel fact beside what the sentence states, as a conflict', () => {
  const channel = factSaying('video statement on Facebook');
  assert.equal(channel.status, 'conflict');
  const page =
    'Nawaf al-Fares, who made his announcement in an interview given to Al Jazeera, is the first senior diplomat to walk away.';
  const found = linked(page);
  assert.ok(found.ids.includes(channel.id), JSON.stringify(found));
  assert.ok(found.status.includes('conflict'));
});

test("the ministry's statement and the reports that no one commented are one fact, in conflict", () => {
  const statement = factSaying('relieved of his duties');
  assert.equal(statement.status, 'conflict');
  assert.ok(
    statement.members.some((m) => /no comment|commented/.test(m.text)),
    statement.members.map((m) => m.text).join(' | '),
  );
});

test('an outlet the corpus names as a channel is a channel wherever a page names it', () => {
  const channels = Object.values(index.matcher.channels ?? {});
  assert.ok(channels.includes('facebook'), JSON.stringify(index.matcher.channels));
  assert.ok(
    channels.some((c) => c.startsWith('al jazeera')),
    JSON.stringify(index.matcher.channels),
  );
  const channel = factSaying('video statement on Facebook');
  const found = linked(
    'Later in the day Al Jazeera reported that Nawaf al-Fares had confirmed the news himself.',
  );
  assert.ok(found.ids.includes(channel.id), JSON.stringify(found));
  assert.ok(found.status.includes('conflict'));
  assert.ok(
    !linked('Al Jazeera reported heavy shelling in the suburbs of the capital overnight.').ids.includes(
      channel.id,
    ),
    'no one of the fact named: not the fact of how he said it',
  );
  assert.ok(
    !linked(
      'Nawaf al-Fares took up his post in Baghdad in 2008, said Al Jazeera, citing state media.',
    ).ids.includes(channel.id),
    'an outlet the page cites for what it reports is its source, not a channel',
  );
  assert.ok(
    !linked(
      'The news that Nawaf al-Fares took up his post in Baghdad was first reported by Al Jazeera.',
    ).ids.includes(channel.id),
    'an outlet that reported the news is a source, not where he spoke',
  );
});

test('a demonym is read as its place on both sides', () => {
  const syria = index.entities.find((e) => e.name === 'Syria');
  assert.ok(syria, 'Syria is an entity under its own name');
  assert.equal(index.matcher.paraphrases?.syrian, `#${syria.id}`);
});
