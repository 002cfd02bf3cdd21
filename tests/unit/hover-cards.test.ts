/**
 * The hover card's data (src/background/hover-cards.ts): each source's line with whom it credits,
 * the reports behind the sources, and how the values followed each other in time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildCard } from '../../src/background/hover-cards.ts';
import { parseIndex } from '../../src/core/index/validate.ts';
import type { ClaimCard } from '../../src/messaging/content-protocol.ts';
import { FIXTURES } from '../support/paths.ts';

const index = parseIndex(readFileSync(path.join(FIXTURES, 'pages/popup-corpus/index.json'), 'utf8'));
const card = (id: string) => (buildCard(index, 'claim', [id]) as ClaimCard).facts[0]!;

test('a claim card counts reports, names the shared one, and carries each line’s attribution', () => {
  const draft = card('f-russia-draft');
  assert.deepEqual([draft.sources, draft.reports], [3, 2]);
  assert.deepEqual(draft.copies, [{ credit: 'Newswire', outlets: ['Gulf Courier', 'Northern Ledger'] }]);
  const toll = card('f-toll');
  assert.deepEqual(
    toll.lines.map((l) => [l.outlet, l.attribution]),
    [
      ['Gulf Courier', 'Activists'],
      ['Capital Times', 'Opposition groups'],
    ],
  );
  assert.deepEqual(toll.copies, []);
});

test('a claim card carries the fact’s timeline, with the outlets of each step', () => {
  assert.deepEqual(card('f-toll').timeline, {
    kind: 'timeline',
    steps: [
      { text: 'more than 15,000', time: '2012-07-11', outlets: ['Capital Times'] },
      { text: 'just under 13,000', time: '2012-07-12', outlets: ['Gulf Courier'] },
    ],
  });
  assert.equal(card('f-first').timeline, undefined, 'sources that differ on one day contradict');
});
