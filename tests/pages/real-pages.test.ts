/**
 * `npm run test:pages` (issue 6.1): every saved real page in ../shared/pages, served from
 * 127.0.0.1, loaded in Chromium without and with the extension. For each page: no new uncaught
 * error, no content-script console error, the page unchanged once the marks are unwrapped, no mark
 * in a forbidden place, and a settled crossread state within 15 s. External loads are aborted at
 * once (the pages' scripts, images and styles point to the internet).
 *
 * A summary (timings, marks per page) is written to test-results/pages-summary.json for
 * docs/reliability.md.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type PageChecker, type PageRun, startPageChecker } from '../support/page-checks.ts';
import { ARTIFACTS, SHARED } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PAGES = path.join(SHARED, 'pages');
const files = (await readdir(PAGES)).filter((f) => f.endsWith('.html')).sort();

let server: TestServer;
let checker: PageChecker;
const runs: PageRun[] = [];
let started = 0;

before(async () => {
  started = performance.now();
  server = await startServer(PAGES);
  checker = await startPageChecker(server.origin);
});

after(async () => {
  await checker?.close();
  await server?.close();
  const settle = runs.map((r) => r.settleMs ?? Number.NaN).sort((a, b) => a - b);
  const summary = {
    pages: runs.length,
    passed: runs.filter((r) => r.problems.length === 0).length,
    unstable: runs.filter((r) => r.unstable).map((r) => r.page),
    totalMs: Math.round(performance.now() - started),
    settleMedianMs: settle[Math.floor(settle.length / 2)],
    settleMaxMs: settle[settle.length - 1],
    marks: runs.reduce((n, r) => n + (r.inspection?.marks ?? 0), 0),
    pagesWithMarks: runs.filter((r) => (r.inspection?.marks ?? 0) > 0).length,
    perPage: runs.map((r) => ({
      page: r.page,
      settleMs: r.settleMs,
      marks: r.inspection?.marks ?? 0,
      state: r.inspection?.state,
      problems: r.problems,
    })),
  };
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, 'pages-summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  console.log(
    `real pages: ${summary.passed}/${summary.pages} passed in ${(summary.totalMs / 1000).toFixed(1)} s; settle median ${summary.settleMedianMs} ms, max ${summary.settleMaxMs} ms; ${summary.marks} marks on ${summary.pagesWithMarks} pages`,
  );
});

test('the shared pages are all there', () => {
  assert.ok(files.length >= 100, `expected the 110 saved pages in ${PAGES}, found ${files.length}`);
});

describe('real pages (with vs without crossread)', () => {
  for (const file of files) {
    test(file, async () => {
      const run = await checker.check(server.origin, file);
      runs.push(run);
      assert.deepEqual(run.problems, [], `${file}:\n  ${run.problems.join('\n  ')}`);
    });
  }
});
