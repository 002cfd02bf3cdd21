/**
 * Messages (issue 6.6): every message to the background is validated. From an extension page (the
 * popup, opened in a tab) we send non-envelopes, unknown types, prototype-named types, a wrong
 * sender for content messages, bad payloads and multi-megabyte strings. Envelopes that are wrong
 * and non-envelopes alike get `{ok:false, error}`; and the background keeps answering valid
 * messages afterwards, in the same worker.
 * A web page cannot reach the background, and bad messages to the content script leave it working.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ChromiumSession, launchChromium } from '../support/chromium.ts';
import { type FirefoxSession, launchFirefox } from '../support/firefox.ts';
import { SETTLED } from '../support/page-checks.ts';
import { FIXTURES } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'));
});
after(() => server?.close());

const BIG = 4 * 1024 * 1024;

/** In-page (extension page): sends each case, returns what came back or what was thrown. */
const SEND_ALL = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const big = 'x'.repeat(${BIG});
  const cases = {
    empty: {},
    nullish: null,
    number: 42,
    noType: { crossread: 1 },
    typeNotString: { crossread: 1, type: 42 },
    wrongMarker: { crossread: '1', type: 'popup/overview', payload: {} },
    unknown: { crossread: 1, type: 'nope', payload: {} },
    proto: { crossread: 1, type: '__proto__', payload: {} },
    ctor: { crossread: 1, type: 'constructor', payload: {} },
    hasOwn: { crossread: 1, type: 'hasOwnProperty', payload: {} },
    setupBadHost: { crossread: 1, type: 'content/setup', payload: { host: 123 } },
    setupNoPayload: { crossread: 1, type: 'content/setup' },
    setupHugeHost: { crossread: 1, type: 'content/setup', payload: { host: big } },
    hugeType: { crossread: 1, type: big, payload: {} },
    hugeLookup: { crossread: 1, type: 'popup/lookup', payload: { query: big } },
    lookupNotString: { crossread: 1, type: 'popup/lookup', payload: { query: { toString: 1 } } },
    factsNotArray: { crossread: 1, type: 'popup/facts', payload: { ids: 'abc' } },
    entityNull: { crossread: 1, type: 'popup/entity', payload: null },
    keepBadTab: { crossread: 1, type: 'popup/keepReport', payload: { tabId: '1', report: {} } },
    keepBadReport: { crossread: 1, type: 'popup/keepReport', payload: { tabId: 1, report: { state: 'ready', claims: big } } },
    valid: { crossread: 1, type: 'popup/overview', payload: {} },
  };
  const out = {};
  for (const [name, message] of Object.entries(cases)) {
    try {
      const reply = await api.runtime.sendMessage(message);
      out[name] = { reply: reply === undefined ? 'undefined' : JSON.parse(JSON.stringify(reply).slice(0, 2000)) };
    } catch (error) {
      out[name] = { threw: String(error && error.message || error).slice(0, 200) };
    }
  }
  return out;
})()`;

type Outcome = { reply?: unknown; threw?: string };

function refused(outcome: Outcome | undefined, why: RegExp, name: string): void {
  const reply = outcome?.reply as { ok?: boolean; error?: string } | undefined;
  assert.equal(reply?.ok, false, `${name}: expected {ok:false}, got ${JSON.stringify(outcome)}`);
  assert.match(reply?.error ?? '', why, name);
  assert.ok((reply?.error ?? '').length < 300, `${name}: the error echoes the message back`);
}

function checkAll(results: Record<string, Outcome>): void {
  for (const name of ['empty', 'nullish', 'number', 'noType', 'typeNotString', 'wrongMarker'])
    refused(results[name], /malformed message/, name);
  refused(results.unknown, /unknown message type: nope/, 'unknown');
  for (const name of ['proto', 'ctor', 'hasOwn']) refused(results[name], /unknown message type/, name);
  // The popup tab is an extension page: content messages from it are refused or their payload is.
  for (const name of ['setupBadHost', 'setupNoPayload', 'setupHugeHost'])
    refused(results[name], /refused|bad payload/, name);
  refused(results.hugeType, /unknown message type: x{10}/, 'hugeType');
  refused(results.keepBadTab, /bad payload/, 'keepBadTab');
  // A report that is no report is not kept (the tab has none either way).
  assert.deepEqual(results.keepBadReport?.reply, { ok: true, value: false }, 'keepBadReport');
  for (const name of ['hugeLookup', 'lookupNotString', 'factsNotArray', 'entityNull']) {
    const reply = results[name]?.reply as { ok?: boolean } | undefined;
    assert.ok(
      reply && typeof reply.ok === 'boolean',
      `${name}: expected a Result, got ${JSON.stringify(results[name])}`,
    );
  }
  const valid = results.valid?.reply as { ok?: boolean; value?: { sources?: unknown[] } } | undefined;
  assert.equal(valid?.ok, true, `the valid message after all others: ${JSON.stringify(results.valid)}`);
  assert.ok(Array.isArray(valid?.value?.sources));
}

describe('chromium', () => {
  let session: ChromiumSession;
  before(async () => {
    session = await launchChromium();
  });
  after(() => session?.close());

  test('malformed and unknown messages to the background get an error reply; it keeps working', async () => {
    await session.worker.evaluate('globalThis.crossreadMarker = 42');
    const popup = await session.openPopup();
    await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const results = (await popup.evaluate(SEND_ALL)) as Record<string, Outcome>;
    checkAll(results);
    // Same worker, not a restarted one: nothing crashed it.
    assert.equal(await session.worker.evaluate('globalThis.crossreadMarker'), 42);
    await popup.close();
  });

  test('a web page cannot reach the background', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plain-article/page.html`);
    await page.waitForFunction(SETTLED, null, { timeout: 15000 });
    assert.equal(await page.evaluate('typeof globalThis.chrome?.runtime?.sendMessage'), 'undefined');
    await page.close();
  });

  test('bad messages to the content script leave it answering', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/plain-article/page.html`);
    await page.waitForFunction(SETTLED, null, { timeout: 15000 });
    const popup = await session.openPopup();
    const results = (await popup.evaluate(`(async () => {
      // Without the tabs permission no URL is visible: the page's tab is the one whose content script answers.
      const self = await chrome.tabs.getCurrent();
      let tab = null;
      for (const t of await chrome.tabs.query({})) {
        if (t.id === self.id) continue;
        const r = await chrome.tabs.sendMessage(t.id, { crossread: 1, type: 'page/report', payload: {} }).catch(() => null);
        if (r && r.ok) tab = t;
      }
      const send = (m) => chrome.tabs.sendMessage(tab.id, m).then((r) => r === undefined ? 'undefined' : r, (e) => 'threw: ' + e.message);
      const big = 'y'.repeat(${BIG});
      return {
        empty: await send({}),
        unknown: await send({ crossread: 1, type: 'page/nope', payload: {} }),
        proto: await send({ crossread: 1, type: '__proto__', payload: {} }),
        scrollBad: await send({ crossread: 1, type: 'page/scrollTo', payload: { id: big } }),
        jumpBad: await send({ crossread: 1, type: 'page/jump', payload: { direction: 'up' } }),
        report: await send({ crossread: 1, type: 'page/report', payload: {} }),
      };
    })()`)) as Record<string, unknown>;
    const r = results as Record<string, { ok?: boolean; error?: string; value?: unknown }>;
    assert.match(String(results.empty), /undefined|port closed|Receiving end/);
    // The content script answers only its own message types (others may be another listener's).
    for (const name of ['unknown', 'proto'])
      assert.ok(
        results[name] === 'undefined' || r[name]?.ok === false,
        `${name}: ${JSON.stringify(results[name])}`,
      );
    assert.deepEqual(r.scrollBad, { ok: true, value: false });
    assert.deepEqual(r.jumpBad, { ok: true, value: false });
    assert.equal(r.report?.ok, true, JSON.stringify(results.report));
    assert.deepEqual(errors, []);
    assert.equal(await page.getAttribute('html', 'data-crossread-state'), 'ready');
    await popup.close();
    await page.close();
  });
});

describe('firefox', () => {
  let session: FirefoxSession;
  before(async () => {
    session = await launchFirefox();
  });
  after(() => session?.close());

  test('malformed and unknown messages to the background get an error reply; it keeps working', async () => {
    const popup = await session.openPopup();
    await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const results = (await popup.evaluate(SEND_ALL)) as Record<string, Outcome>;
    checkAll(results);
    // Twice: the background is still the same working one after the first round.
    checkAll((await popup.evaluate(SEND_ALL)) as Record<string, Outcome>);
  });
});
