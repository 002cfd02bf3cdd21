/**
 * Launches Firefox ESR through puppeteer-core over WebDriver BiDi with the built extension
 * (TESTING.md §3). The moz-extension UUID is fixed through a pref so the popup URL is known, and
 * all non-local traffic goes to a recording proxy trap.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBrowser } from './chromium.ts';
import { DIST_FIREFOX } from './paths.ts';
import { type ProxyTrap, startProxyTrap } from './proxy-trap.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Must match scripts/build.ts GECKO_ID. */
export const GECKO_ID = 'crossread@crossread.org';

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  trap: ProxyTrap;
  openPopup(query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  extensionDir = DIST_FIREFOX,
  options: {
    colorScheme?: 'light' | 'dark';
    prefs?: Record<string, string | number | boolean>;
    /**
     * A profile kept across launches (a browser restart). The extension is installed again in
     * each launch, under the same UUID; the profile keeps its storage.
     */
    profile?: { dir: string; uuid: string };
    /** Where downloads land, without asking. */
    downloads?: string;
  } = {},
): Promise<FirefoxSession> {
  requireBrowser(FIREFOX, 'firefox-esr');
  const uuid = options.profile?.uuid ?? randomUUID();
  const trap = await startProxyTrap();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(options.profile ? { userDataDir: options.profile.dir } : {}),
    extraPrefsFirefox: {
      // A temporary install is removed when the browser closes: its storage must outlive that.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...(options.downloads
        ? {
            'browser.download.folderList': 2,
            'browser.download.dir': options.downloads,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
          }
        : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': trap.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': trap.port,
      'network.proxy.share_proxy_settings': true,
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      ...options.prefs,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    uuid,
    trap,
    async openPopup(query = '') {
      const page = await browser.newPage();
      await setViewport(page, 400, 600);
      // page.goto never resolves for moz-extension pages: navigate without waiting (TESTING.md 3.3).
      const bidi = browser as unknown as {
        connection: { send(method: string, params: unknown): Promise<unknown> };
      };
      await bidi.connection.send('browsingContext.navigate', {
        context: (page.mainFrame() as unknown as { _id: string })._id,
        url: `moz-extension://${uuid}/popup.html${query}`,
        wait: 'none',
      });
      return page;
    },
    async close() {
      await browser.close();
      await trap.close();
    },
  };
}

/**
 * Sets a page's viewport with WebDriver BiDi's own command. Puppeteer's `page.setViewport` also
 * sends `emulation.setScreenOrientationOverride`, which Firefox ESR 140 does not know ("unknown
 * command"), and fails with it.
 */
export async function setViewport(page: Page, width: number, height: number): Promise<void> {
  const bidi = page.browser() as unknown as {
    connection: { send(method: string, params: unknown): Promise<unknown> };
  };
  await bidi.connection.send('browsingContext.setViewport', {
    context: (page.mainFrame() as unknown as { _id: string })._id,
    viewport: { width, height },
  });
}

/**
 * The tab id of the page at `url`, asked from an extension page (`helper`): the extension has no
 * "tabs" permission, so tab URLs are hidden; every tab is asked for its page report instead, and
 * the one reporting `url` is it. Null when no tab does.
 */
export function findPageTab(helper: Page, url: string): Promise<number | null> {
  return helper.evaluate(async (u: string) => {
    const api = (
      globalThis as unknown as {
        browser: {
          tabs: {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(id: number, m: unknown): Promise<unknown>;
          };
        };
      }
    ).browser;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await api.tabs
        .sendMessage(tab.id, { crossread: 1, type: 'page/report', payload: {} })
        .catch(() => null)) as { ok?: boolean; value?: { url?: string } } | null;
      if (reply?.ok && reply.value?.url === u) return tab.id;
    }
    return null;
  }, url);
}
