/**
 * `npx tsx scripts/screenshots.ts`: saves docs/screenshots/page-chromium.png, a highlighted
 * fixture page with a claim's hover card open, for review and the README (the popup screenshots
 * are saved by the popup's browser tests). Needs `npm run build` first.
 */
import path from 'node:path';
import { launchChromium } from '../tests/support/chromium.ts';
import { FIXTURES, ROOT } from '../tests/support/paths.ts';
import { startServer } from '../tests/support/server.ts';

const server = await startServer(path.join(FIXTURES, 'pages'));
const session = await launchChromium();
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${server.origin}/story-retold/page.html`);
  await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
  const conflict = page
    .locator('mark[data-crossread-kind="claim"][data-crossread-status="conflict"]')
    .first();
  await conflict.scrollIntoViewIfNeeded();
  await conflict.hover();
  await page.waitForTimeout(600); // the card opens after its hover delay and fetches its rows
  const out = path.join(ROOT, 'docs/screenshots/page-chromium.png');
  await page.screenshot({ path: out });
  console.log(`saved ${path.relative(ROOT, out)}`);
} finally {
  await session.close();
  await server.close();
}
