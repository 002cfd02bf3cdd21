/**
 * `npm run index -- <folder> [--out file]`: indexes any folder of .txt articles (optional
 * sources.json), prints a summary and progress on large folders. On bad input it prints the
 * `file:line:col: …` error, writes nothing and exits 1. The output is written to a temporary
 * file and renamed, so a failed run never leaves a partial index.
 */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { indexFolder } from './index-folder.ts';

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? 'seeds';
  const started = performance.now();
  const { index, summary } = await indexFolder(path.resolve(folder), {
    onProgress: (done, total) => {
      if (total >= 200 && (done % 500 === 0 || done === total))
        process.stderr.write(`  indexed ${done}/${total} articles\n`);
    },
  });
  const json = JSON.stringify(index);
  const target = path.resolve(out ?? 'index.json');
  await writeFile(`${target}.tmp`, json);
  await rename(`${target}.tmp`, target);
  console.log(
    `${summary}\nwrote ${path.relative(process.cwd(), target)} (${(json.length / 1024).toFixed(1)} KB) in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

main().catch((error) => {
  console.error(`crossread index: ${(error as Error).message}`);
  process.exit(1);
});
