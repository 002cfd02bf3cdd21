/**
 * Double injection and teardown (issue 6.8), in Chromium.
 * - A build whose manifest injects content.js twice paints exactly what one injection paints.
 * - When the extension reloads, or is removed, under an open page, the old content script, at its next contact
 *   with the extension (a hover card, new content) or when the reader returns to the tab, unmarks, stops following the page, and logs
 *   no "Extension context invalidated" (or any) error.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ConsoleMessage } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { copyExtension, INSPECT, type PageInspection } from '../support/page-checks.ts';
import { DIST_CHROME } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let paragraphs: string[] = [];

function page(body: string[]): string {
  const ps = body.map((p) => `<p>${p.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teardown</title></head><body><main><article id="a"><h1>Teardown</h1>${ps}</article></main></body></html>`;
}

before(async () => {
  const index = JSON.parse(await readFile(path.join(DIST_CHROME, 'index.json'), 'utf8')) as {
    sources: { text: string }[];
  };
  paragraphs = (index.sources[0]?.text ?? '').split(/\n+/).filter((p) => p.trim());
  server = await startServer();
  server.route('/article.html', page(paragraphs.slice(0, 10)));
});
after(() => server?.close());

async function marksWith(
  extensionDir: string,
): Promise<{ inspection: PageInspection; nested: number; errors: string[] }> {
  const session = await launchChromium(extensionDir);
  try {
    const tab = await session.context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    await tab.goto(`${server.origin}/article.html`);
    await tab.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
    await tab.waitForTimeout(500);
    const inspection = (await tab.evaluate(INSPECT)) as PageInspection;
    // A mark inside a mark of the same kind and id means two instances painted.
    const nested = (await tab.evaluate(
      `[...document.querySelectorAll('mark[data-crossread-kind] mark[data-crossread-kind]')].filter((m) => { const o = m.parentElement.closest('mark[data-crossread-kind]'); return o.getAttribute('data-crossread-kind') === m.getAttribute('data-crossread-kind') && o.getAttribute('data-crossread-id') === m.getAttribute('data-crossread-id'); }).length`,
    )) as number;
    return { inspection, nested, errors };
  } finally {
    await session.close();
  }
}

test('chromium: a second injection of the content script does nothing', async () => {
  const once = await marksWith(DIST_CHROME);
  assert.ok(once.inspection.marks > 0, 'the article got marks');
  const twice = await copyExtension(DIST_CHROME, async (dir) => {
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    manifest.content_scripts = [...manifest.content_scripts, ...manifest.content_scripts];
    await writeFile(file, JSON.stringify(manifest));
  });
  try {
    const doubled = await marksWith(twice.dir);
    assert.equal(doubled.inspection.marks, once.inspection.marks);
    assert.equal(doubled.nested, 0);
    assert.equal(doubled.inspection.html, once.inspection.html);
    assert.deepEqual(doubled.errors, []);
  } finally {
    await twice.remove();
  }
});

async function orphanUnmarksQuietly(end: string, contact: 'hover' | 'return' = 'hover'): Promise<void> {
  const session = await launchChromium();
  try {
    const tab = await session.context.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    tab.on('console', (m: ConsoleMessage) => {
      if (
        (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) ||
        /invalidated/i.test(m.text())
      )
        problems.push(`console: ${m.text()}`);
    });
    await tab.goto(`${server.origin}/article.html`);
    await tab.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
    assert.ok((await tab.locator('mark[data-crossread-kind]').count()) > 0);

    const oldWorker = session.worker;
    const closed = new Promise((resolve) => oldWorker.once('close', resolve));
    await oldWorker.evaluate(end).catch(() => {});
    await closed;
    await tab.waitForTimeout(1000);

    if (contact === 'hover') {
      // Contact with the extension: hover a mark (asks for a card), and new content arrives.
      await tab.locator('mark[data-crossread-kind]').first().hover();
      await tab.evaluate(
        `(() => { const p = document.createElement('p'); p.id = 'late'; p.textContent = ${JSON.stringify(paragraphs.slice(10, 12).join(' ') || paragraphs[0])}; document.getElementById('a').append(p); })()`,
      );
    } else {
      // No contact at all: the reader only comes back to the tab (focus, visibility).
      await tab.bringToFront();
      await tab.evaluate(`window.dispatchEvent(new Event('focus'))`);
    }
    await tab.waitForFunction(`!document.querySelector('mark[data-crossread-kind]')`, null, {
      timeout: 10000,
    });
    // Disconnected: content added now is never painted by the orphan.
    await tab.evaluate(
      `(() => { const p = document.createElement('p'); p.textContent = ${JSON.stringify(paragraphs[0] ?? '')}; document.getElementById('a').append(p); })()`,
    );
    await tab.waitForTimeout(1000);
    assert.equal(await tab.locator('mark[data-crossread-kind]').count(), 0);
    assert.equal(await tab.getAttribute('html', 'data-crossread-state'), null);
    assert.equal(await tab.locator('[data-crossread-ui]').count(), 0, 'the orphan left its UI behind');
    assert.deepEqual(problems, []);
  } finally {
    await session.close();
  }
}

test('chromium: after the extension reloads, the old content script unmarks quietly', () =>
  orphanUnmarksQuietly('chrome.runtime.reload()'));

test('chromium: after the extension reloads, returning to the tab is enough for the old script to unmark', () =>
  orphanUnmarksQuietly('chrome.runtime.reload()', 'return'));

test('chromium: after the extension is removed, the old content script unmarks quietly', () =>
  orphanUnmarksQuietly('chrome.management.uninstallSelf({ showConfirmDialog: false })'));
