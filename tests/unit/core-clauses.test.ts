/** Clause joints on generic English (a sentence that states several facts is a member of each). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitClauses } from '../../src/core/claims/clauses.ts';

const pieces = (s: string) => splitClauses(s).map((c) => s.slice(c.start, c.end));

test('a no-break space does not hide a joint', () => {
  const s =
    'Olsen, a lawyer\u00a0 who\u00a0is said to have ties to the unions, is the second mayor to resign.';
  assert.deepEqual(pieces(s), [
    'Olsen, a lawyer',
    'who\u00a0is said to have ties to the unions',
    'is the second mayor to resign.',
  ]);
});

test('a sentence that starts inside a straight-quoted quotation closes it at the closing quote', () => {
  const s = 'Every worker has to join the strike to end this," he said, accusing the board of greed.';
  assert.equal(pieces(s).length, 2);
  assert.equal(pieces(s)[1], 'accusing the board of greed.');
});

test('a participle or "follows" after a comma starts a clause; "backed by" inside a list does not', () => {
  assert.deepEqual(pieces('The mayor left office on Monday, appealing to the council to stay calm.'), [
    'The mayor left office on Monday',
    'appealing to the council to stay calm.',
  ]);
  assert.equal(
    pieces('The resignation of Olsen, the mayor, follows the departure of his deputy last week.').length,
    2,
  );
  assert.equal(
    pieces('There was no comment from the board, hailed by critics as a sign of weakness.').length,
    2,
  );
  assert.equal(
    pieces('Norway circulated a draft, backed by Sweden, Denmark and Finland, to make the plan binding.')
      .length,
    1,
  );
});

test('"that said" and "following <Name>" start clauses; quotations stay whole', () => {
  assert.equal(pieces('Olsen posted a video on Monday that repeatedly said the port was unsafe.').length, 2);
  assert.equal(pieces('He was the first mayor to resign following Anna Berg, his deputy.').length, 2);
  assert.equal(pieces('"We will go on, following the plan," she said.').length, 1);
});

test('a quotation after a colon is its own clause unless the lead-in only says who said it', () => {
  const attributed =
    'In Arvik, a short council statement said: "The council declares that Olsen has been removed from office."';
  assert.equal(pieces(attributed).length, 1, 'the attribution and its quote are one statement');
  assert.equal(pieces('The warning on the harbour gate was clear: "Leave now or face arrest."').length, 2);
  const long =
    'Norway circulated a draft resolution on Monday that would extend the mission by a year and said: "We expect a vote soon."';
  assert.ok(pieces(long).length >= 2, 'a lead-in that states a fact of its own stays apart');
});

test('"and instead" starts the clause of what is asked in place of something else', () => {
  assert.deepEqual(
    pieces('The mayor urged the police to stop arresting protesters and instead talk to their leaders.'),
    ['The mayor urged the police to stop arresting protesters and', 'instead talk to their leaders.'],
  );
});
