import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readFolder, SeedError } from '../../src/indexer/read-folder.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';

const BAD = path.join(FIXTURES, 'bad-seeds');
const cases: [string, RegExp][] = [
  ['not-utf8', /not-utf8\/b\.txt:2:1: not valid UTF-8/],
  ['empty', /empty\/a\.txt:1:1: empty file/],
  ['binary', /binary\/a\.txt:2:1: binary file/],
  ['missing-file', /missing-file\/sources\.json:4:\d+: "gone\.txt" has no file/],
  ['missing-entry', /missing-entry\/sources\.json:1:1: b\.txt has no entry/],
  ['bad-json', /bad-json\/sources\.json:3:\d+: malformed JSON/],
];

for (const [name, expected] of cases)
  test(`bad seeds: ${name} gives a file:line error`, async () => {
    await assert.rejects(readFolder(path.join(BAD, name), `bad-seeds/${name}`), (error: Error) => {
      assert.ok(error instanceof SeedError);
      assert.match(error.message, expected);
      return true;
    });
  });

test('the CLI writes no index file on bad input and exits non-zero', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'crossread-')), 'index.json');
  let failed = false;
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/indexer/cli.ts', path.join(BAD, 'not-utf8'), '--out', out],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    failed = true;
    assert.match(String((error as { stderr: Buffer }).stderr), /b\.txt:2:1: not valid UTF-8/);
  }
  assert.ok(failed);
  assert.ok(!existsSync(out));
  assert.ok(!existsSync(`${out}.tmp`));
});

test('the seed index carries each label of seeds/sources.json to its source', async () => {
  const { indexFolder } = await import('../../src/indexer/index-folder.ts');
  const { index } = await indexFolder(path.join(ROOT, 'seeds'));
  const labels = index.sources.map((s) => s.label);
  assert.equal(labels.length, 5);
  assert.ok(labels.every((l) => typeof l === 'string' && l.length > 0));
  assert.ok(labels.includes('CNN'));
});
