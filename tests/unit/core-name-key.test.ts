import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jaroWinkler } from '../../src/core/entities/jaro-winkler.ts';
import { isParticle, isTitle, nameKeys, tokenKey } from '../../src/core/entities/name-key.ts';

test('transliteration variants share one token key', () => {
  const same = [
    ['Muhammad', 'Mohammed', 'Muhamad', 'Mohammod'],
    ['Hussein', 'Husein', 'Hussain'],
    ['Yusuf', 'Yousuf', 'Yusef'],
    ['Kadir', 'Kadeer'],
    ['Hamza', 'Hamzah'],
  ];
  for (const group of same) {
    const keys = new Set(group.map(tokenKey));
    assert.equal(keys.size, 1, `${group.join('/')} → ${[...keys].join(', ')}`);
  }
});

test('article prefixes and assimilated articles are removed from the key', () => {
  assert.equal(tokenKey('al-Rashid'), tokenKey('Rashid'));
  assert.equal(tokenKey('Al-Rashid'), tokenKey('Rashid'));
  assert.equal(tokenKey('ez-Zubayr'), tokenKey('Zubayr'));
  assert.equal(tokenKey('Ezzubayr'), tokenKey('Zubayr'));
  assert.equal(tokenKey('el-Zoubayr'), tokenKey('Zubayr'));
});

test('possessives, case and diacritics fold; different names stay apart', () => {
  assert.equal(tokenKey('Dupont\u2019s'), tokenKey('dupont'));
  assert.equal(tokenKey("Karimov's"), tokenKey('Karimov'));
  assert.equal(tokenKey('Jos\u00e9'), tokenKey('Jose'));
  assert.notEqual(tokenKey('Rashid'), tokenKey('Rachel'));
  assert.notEqual(tokenKey('Karim'), tokenKey('Kareem-Ali'));
  assert.notEqual(tokenKey('Omar'), tokenKey('Amer'));
});

test('acronyms are keyed by their letters, dotted or not', () => {
  assert.equal(tokenKey('U.N.'), 'un');
  assert.equal(tokenKey('UN'), 'un');
  assert.equal(tokenKey('NATO'), 'nato');
});

test('particles and titles are recognised, with or without hyphen or full stop', () => {
  for (const p of ['al', 'Al', 'al-', 'el', 'ez', 'bin', 'ibn', 'de', 'van', 'von'])
    assert.ok(isParticle(p), p);
  for (const t of ['Mr', 'Mr.', 'Mrs', 'Dr', 'President', 'General', 'Brigadier', 'Gen.'])
    assert.ok(isTitle(t), t);
  assert.ok(!isParticle('Rashid'));
  assert.ok(!isTitle('Rashid'));
});

test('nameKeys drops titles, particles and possessives', () => {
  assert.deepEqual(nameKeys("Mr. al-Rashid's"), [tokenKey('Rashid')]);
  assert.deepEqual(nameKeys('Brigadier General Omar Haddad'), [tokenKey('Omar'), tokenKey('Haddad')]);
  assert.deepEqual(nameKeys('Ahmad bin Rashid'), [tokenKey('Ahmad'), tokenKey('Rashid')]);
  assert.deepEqual(nameKeys('Wadi Ezzubayr'), nameKeys('Wadi ez-Zubayr'));
  assert.equal(nameKeys('Al Arabiya', { keepParticles: true }).length, 2);
});

test('Jaro-Winkler flags one-letter misspellings of long first names', () => {
  assert.ok(jaroWinkler('karima', 'karimo') >= 0.9);
  assert.ok(jaroWinkler('nadia', 'nadir') >= 0.9);
  assert.ok(jaroWinkler('omar', 'peter') < 0.7);
  assert.equal(jaroWinkler('same', 'same'), 1);
});
