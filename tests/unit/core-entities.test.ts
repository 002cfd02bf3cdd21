import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNames } from '../../src/core/entities/extract.ts';
import { groupMentions, type MentionInput } from '../../src/core/entities/group.ts';

test('extractNames strips titles and possessives, keeps particles, splits at titles', () => {
  const s =
    'Foreign Minister Ivo Brandt met Mr. al-Rashid\u2019s envoy and Brigadier General Omar Haddad in Lunde.';
  assert.deepEqual(
    extractNames(s).map((m) => [m.text, m.title ?? '']),
    [
      ['Ivo Brandt', 'Foreign Minister'],
      ['al-Rashid', 'Mr'],
      ['Omar Haddad', 'Brigadier General'],
      ['Lunde', ''],
    ],
  );
  const [rice] = extractNames('The envoy, U.S. Ambassador to the U.N. Jane Doe, said so.').filter((m) =>
    m.text.includes('Doe'),
  );
  assert.equal(rice?.text, 'Jane Doe');
});

test('sentence-initial common words are not names; organisation "of" joins', () => {
  const lower = new Set(['opposition']);
  const names = extractNames('Opposition groups met the Local Committees of Arvik.', {
    lowerWords: lower,
    isProper: () => false,
  });
  assert.deepEqual(
    names.map((m) => m.text),
    ['Local Committees of Arvik'],
  );
});

function group(list: [string, string, string?][]) {
  const inputs: MentionInput[] = list.map(([source, text, title]) =>
    title ? { source, text, title } : { source, text },
  );
  const entities = groupMentions(inputs);
  return (text: string) => entities.find((e) => e.aliases.some((a) => a.text === text));
}

test('grouping: variants, misspelt first name, acronym, bare surname, relatives apart', () => {
  const find = group([
    ['s0', 'Karima al-Haddad'],
    ['s0', 'Karima al-Haddad'],
    ['s1', 'Karima Haddad'],
    ['s1', 'Karimo al-Haddad'],
    ['s1', 'Haddad', 'Mrs'],
    ['s2', 'Youssef al-Haddad'],
    ['s2', 'Nordic Trade Union'],
    ['s3', 'NTU'],
    ['s3', 'al-Haddad'],
  ]);
  const karima = find('Karima al-Haddad');
  assert.ok(karima);
  for (const alias of ['Karima Haddad', 'Karimo al-Haddad', 'Haddad', 'al-Haddad'])
    assert.equal(find(alias), karima, alias);
  assert.notEqual(find('Youssef al-Haddad'), karima);
  assert.equal(find('NTU'), find('Nordic Trade Union'));
  assert.equal(karima.type, 'person');
  assert.equal(karima.name, 'Karima al-Haddad');
  assert.deepEqual(karima.aliases.find((a) => a.text === 'Karima al-Haddad')?.sources, ['s0']);
});

test('an organisation that begins with a particle keeps it ("Al X" is not a surname)', () => {
  const find = group([
    ['s0', 'Al Minbar'],
    ['s1', 'Al Minbar Radio'],
    ['s0', 'Omar Haddad'],
    ['s1', 'Al Haddad'],
  ]);
  assert.equal(find('Al Minbar'), find('Al Minbar Radio'));
  assert.equal(find('Al Minbar')?.type, 'organization');
  assert.equal(find('Al Haddad'), find('Omar Haddad'));
});

test('grouping: a body named "… of <Place>" is no person whose surname the bare place is', () => {
  const find = group([
    ['s0', 'Local Coordination Committees of Arvik', 'Mr'],
    ['s0', 'Arvik'],
    ['s1', 'Arvik'],
    ['s1', 'Karima al-Haddad'],
    ['s2', 'al-Haddad'],
  ]);
  assert.notEqual(find('Arvik'), find('Local Coordination Committees of Arvik'));
  assert.equal(find('al-Haddad'), find('Karima al-Haddad'), 'a hyphenated particle is still a surname');
});
