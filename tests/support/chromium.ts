/**
 * Launches Debian's Chromium with the built extension (TESTING.md §2) and records every request
 * made by the extension's pages, its service worker and the pages it runs in.
 */
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { DIST_CHROME } from './paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function requireBrowser(binary: string, pkg: string): void {
  if (!existsSync(binary)) {
    throw new Error(
      `${binary} is missing: install it with "apt-get update && apt-get install -y ${pkg}" (browser tests are never skipped)`,
    );
  }
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request seen in this context: pages, popup, service worker. */
  requests: { url: string; fromWorker: boolean; frame: string }[];
  /** Opens the popup page in a tab. */
  openPopup(query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(
  extensionDir = DIST_CHROME,
  options: { colorScheme?: 'light' | 'dark'; args?: string[]; userDataDir?: string } = {},
): Promise<ChromiumSession> {
  requireBrowser(CHROMIUM, 'chromium');
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-quic',
      // Keep the browser off the network: every name but 127.0.0.1 fails to resolve (TESTING.md 2.4).
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ...(options.args ?? []),
    ],
  });
  const requests: ChromiumSession['requests'] = [];
  const record = (request: Request) => {
    let frame = '';
    try {
      frame = request.frame().url();
    } catch {
      // service-worker requests have no frame
    }
    requests.push({ url: request.url(), fromWorker: request.serviceWorker() !== null, frame });
  };
  context.on('request', record);
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    close: () => context.close(),
  };
}

/** Requests that left the extension's own package and the test server's navigations. */
export function foreignRequests(session: ChromiumSession, allowedOrigin: string): string[] {
  return session.requests
    .map((r) => r.url)
    .filter(
      (url) =>
        !url.startsWith(`chrome-extension://${session.extensionId}/`) &&
        !url.startsWith(allowedOrigin) &&
        !url.startsWith('data:') &&
        url !== 'about:blank',
    );
}

/**
 * Stops the extension's service worker the way Chromium does after 30 idle seconds, and waits
 * until the DevTools protocol reports every worker version stopped (5 s at most). Returns the
 * versions' last running status.
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (!status.size || [...status.values()].some((s) => s !== 'stopped')))
    await new Promise((resolve) => setTimeout(resolve, 20));
  await cdp.detach();
  return [...status.values()];
}
