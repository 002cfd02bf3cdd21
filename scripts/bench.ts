/**
 * `npm run bench`: every speed and size target, measured in one run on this machine and reported
 * as ratios where timing is involved (the machines are shared and noisy). Runs each bench script
 * in its own process, in sequence, and fails if any of them reports a missed target.
 *
 *   scripts/bench-index.ts  index build time (seeds, generated 2.5k/5k/10k corpora), index size
 *   scripts/bench-corpus.ts the reader's corpus: adding one article to 1,000, a full shard, the merge
 *   scripts/bench-reader-scale.ts  10,000 reader's articles in the browser: ready time, the
 *                           background's wake, its memory
 *   scripts/bench-page.ts   content-script work vs a TreeWalker pass, ready time, longest task,
 *                           bundle size, matching with a 10,000-article index
 *   scripts/bench-popup.ts  the popup's first paint with data, Chromium and Firefox, vs a bare page
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benches = [
  'scripts/bench-index.ts',
  'scripts/bench-corpus.ts',
  'scripts/bench-reader-scale.ts',
  'scripts/bench-page.ts',
  'scripts/bench-popup.ts',
];
const failed: string[] = [];

for (const bench of benches) {
  if (!existsSync(path.join(root, bench))) {
    console.error(`bench: ${bench} is missing`);
    failed.push(bench);
    continue;
  }
  console.log(`\n=== ${bench}`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', bench, ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed.push(bench);
}

if (failed.length) {
  console.error(`\nbench: targets missed or bench failed in ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nbench: every target met');
