/**
 * Index-build bench (issue 3.10): build time for the seeds and for generated corpora of 2,500,
 * 5,000 and 10,000 articles, and the index size. Prints a table; exits non-zero when a target is
 * missed (seeds ≤ 1 s; 10,000 articles ≤ 60 s; growth roughly linear: time per article at
 * 10,000 at most 2× that at 2,500). `--quick` runs only the seeds and 2,500.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexFolder } from '../src/indexer/index-folder.ts';
import { generate } from './gen-corpus.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');

async function time(folder: string) {
  const started = performance.now();
  const { index } = await indexFolder(folder);
  const ms = performance.now() - started;
  return {
    ms,
    bytes: JSON.stringify(index).length,
    facts: index.facts.length,
    entities: index.entities.length,
  };
}

// Warm the NLP model once so the seed figure is the build, not the model load.
await indexFolder(path.join(root, 'tests/fixtures/corpus-harbour'));
const rows: { name: string; n: number; ms: number; bytes: number; facts: number; entities: number }[] = [];
rows.push({ name: 'seeds', n: 5, ...(await time(path.join(root, 'seeds'))) });
for (const n of quick ? [2500] : [2500, 5000, 10000]) {
  const folder = path.join(tmpdir(), `crossread-gen-${n}`);
  await generate(n, folder);
  rows.push({ name: `generated ${n}`, n, ...(await time(folder)) });
}
console.log(
  `${'corpus'.padEnd(18)}${'articles'.padStart(9)}${'build ms'.padStart(11)}${'ms/article'.padStart(12)}${'index KB'.padStart(11)}${'entities'.padStart(10)}${'facts'.padStart(8)}`,
);
for (const r of rows)
  console.log(
    `${r.name.padEnd(18)}${String(r.n).padStart(9)}${r.ms.toFixed(0).padStart(11)}${(r.ms / r.n).toFixed(2).padStart(12)}${(r.bytes / 1024).toFixed(0).padStart(11)}${String(r.entities).padStart(10)}${String(r.facts).padStart(8)}`,
  );
const missed: string[] = [];
if (rows[0]!.ms > 1000) missed.push(`seeds took ${rows[0]!.ms.toFixed(0)} ms (target ≤ 1000)`);
const big = rows.find((r) => r.n === 10000);
if (big && big.ms > 60000)
  missed.push(`10,000 articles took ${(big.ms / 1000).toFixed(1)} s (target ≤ 60 s)`);
const small = rows.find((r) => r.n === 2500);
if (big && small && big.ms / big.n > 2 * (small.ms / small.n))
  missed.push('growth is worse than linear (ms/article doubled)');
if (missed.length) {
  console.error(`bench-index: MISSED: ${missed.join('; ')}`);
  process.exit(1);
}
console.log('bench-index: all targets met');
