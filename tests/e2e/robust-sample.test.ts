/**
 * The fast stand-in for `npm run test:pages` inside `npm test` (issue 6.1): eight varied saved
 * pages (right-to-left, Japanese, the largest page, inline SVG, scripts in odd places, invalid
 * markup, embedded frames, Wikipedia) through the same with/without checks as the full run.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type PageChecker, startPageChecker } from '../support/page-checks.ts';
import { SHARED } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

const SAMPLE = [
  'rtl-1.html',
  'hukumusume.html',
  'yahoo-3.html',
  'svg-parsing.html',
  'comment-inside-script-parsing.html',
  'invalid-attributes.html',
  'embedded-videos.html',
  'wikipedia.html',
];

let server: TestServer;
let checker: PageChecker;

before(async () => {
  server = await startServer(path.join(SHARED, 'pages'));
  checker = await startPageChecker(server.origin);
});
after(async () => {
  await checker?.close();
  await server?.close();
});

describe('chromium: a sample of real pages is left intact', () => {
  for (const file of SAMPLE) {
    test(file, async () => {
      const run = await checker.check(server.origin, file);
      assert.deepEqual(run.problems, [], `${file}:\n  ${run.problems.join('\n  ')}`);
      assert.ok(run.inspection && run.inspection.html.length > 200, `${file}: the page did not render`);
    });
  }
});
