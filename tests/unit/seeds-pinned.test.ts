/**
 * The seed corpus is the five articles exactly as given: their SHA-256 is pinned here, so the
 * check holds on a machine without ../shared, and a changed byte (an editor's "fix", a line-ending
 * conversion) fails the run instead of silently changing every figure.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/paths.ts';

const PINNED: Record<string, string> = {
  '000_61ead04619db3bbc.txt': 'd36d543bf958a3f94688db794b3235efa777e4768ad684f75ad4d759f0c3bc44',
  '001_1bd21216735112a5.txt': '046dcd54267fb1f8757af26f9a4edfd797b1fb46e0818ff653432acbc348faae',
  '002_7f776ace74d982a8.txt': 'b9e1ae7b256780c894acabbec7d1925f5c3db53bb4b9f992530990b2b198100c',
  '003_9978a0f46ec464d0.txt': '49e8990c39f99ed58639a084645b4c3f11633d19b8274d183821888931537906',
  '004_605359099c9e65cd.txt': 'b18ca1cddfaba59398eed0e550dbc83a7fd79dc268520a1b86401205b2e919da',
};

test('seeds/ holds exactly the five given articles, byte for byte', async () => {
  const dir = path.join(ROOT, 'seeds');
  const txt = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(txt, Object.keys(PINNED).sort());
  for (const [file, sum] of Object.entries(PINNED)) {
    const digest = createHash('sha256')
      .update(await readFile(path.join(dir, file)))
      .digest('hex');
    assert.equal(digest, sum, `${file} differs from the given seed`);
  }
});

test('every seed has a label a reader can tell apart from the others', async () => {
  const meta = JSON.parse(await readFile(path.join(ROOT, 'seeds', 'sources.json'), 'utf8')) as {
    sources: { file: string; label: string | null }[];
  };
  const labels = meta.sources.map((s) => s.label ?? '');
  assert.equal(labels.length, Object.keys(PINNED).length);
  for (const l of labels) assert.ok(l.length >= 3 && l.length <= 40, `label ${JSON.stringify(l)}`);
  assert.equal(new Set(labels).size, labels.length, 'labels must differ');
});
