/**
 * `npm run build`: writes the loadable extension to dist/chrome and dist/firefox.
 *
 * A sequence of named, timed steps (CONVENTIONS.md 11). Any error stops the build with a non-zero
 * exit and a message naming the step; a failed build leaves no half-written dist/ behind, because
 * everything is written to dist/.staging first and moved into place at the end.
 *
 * Flags: --seeds DIR (corpus folder, default seeds/), --bench (also write dist/bench-chrome, a
 * Chrome build whose content script records its own timings for `npm run bench`).
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as esbuild from 'esbuild';
import { indexFolder } from '../src/indexer/index-folder.ts';
import { markjsPatch } from './markjs-patch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

const seedsDir = path.resolve(root, option('--seeds') ?? 'seeds');
const dist = path.join(root, 'dist');
const staging = path.join(dist, '.staging');
const bench = flag('--bench');

/** The Firefox add-on id: fixed, so tests can pin the moz-extension UUID (TESTING.md 3.4). */
export const GECKO_ID = 'crossread@crossread.org';

/** Bundles: one entry per extension context (CONVENTIONS.md 11). */
const entries: { entry: string; outfile: string; only?: 'chrome' | 'firefox' }[] = [
  { entry: 'src/background/index.ts', outfile: 'background.js' },
  { entry: 'src/content/index.ts', outfile: 'content.js' },
  { entry: 'src/popup/popup.ts', outfile: 'popup.js' },
  { entry: 'src/options/options.ts', outfile: 'options.js' },
  { entry: 'src/worker/index.ts', outfile: 'indexer.js' },
  { entry: 'src/offscreen/offscreen.ts', outfile: 'offscreen.js', only: 'chrome' },
];

const staticFiles: { from: string; to: string; only?: 'chrome' | 'firefox' }[] = [
  { from: 'src/popup/popup.html', to: 'popup.html' },
  { from: 'src/popup/sidepanel.html', to: 'sidepanel.html' },
  { from: 'src/popup/popup.css', to: 'popup.css' },
  { from: 'src/options/options.html', to: 'options.html' },
  { from: 'src/options/options.css', to: 'options.css' },
  { from: 'src/offscreen/offscreen.html', to: 'offscreen.html', only: 'chrome' },
  // The highlight styles, as the manifest's content-script CSS (see src/content/dom/page-ui.ts).
  { from: 'src/content/highlights.css', to: 'content.css' },
];

const iconSizes = [16, 32, 48, 128];

type Target = 'chrome' | 'firefox' | 'bench-chrome';

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    console.log(`  ${name.padEnd(22)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
    return result;
  } catch (error) {
    console.error(`build failed in step "${name}":\n${(error as Error)?.stack ?? error}`);
    process.exit(1);
  }
}

function manifestFor(base: Record<string, unknown>, target: Target): Record<string, unknown> {
  const manifest = structuredClone(base);
  if (target === 'firefox') {
    // Firefox refuses a service_worker-only MV3 background; Chrome ignores scripts (TESTING.md 4).
    manifest.background = { scripts: ['background.js'] };
    // 140: the current Firefox ESR (Debian's firefox-esr is 140.12), the first desktop release
    // that reads data_collection_permissions; Firefox for Android reads it from 142.
    // The side panel is Firefox's sidebar: the same page, under the key Firefox reads.
    const panel = manifest.side_panel as { default_path: string } | undefined;
    delete manifest.side_panel;
    if (panel)
      manifest.sidebar_action = {
        default_panel: panel.default_path,
        default_title: '__MSG_extName__',
        default_icon: (manifest.action as { default_icon?: unknown } | undefined)?.default_icon,
        open_at_install: false,
      };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  } else {
    manifest.background = { service_worker: 'background.js' };
    // The indexer runs in a Worker, which a service worker cannot start: an offscreen document
    // starts it (docs/permissions.md). Firefox's event page starts it itself.
    // sidePanel: the side panel's page and its "Open in side panel" (Chrome only; docs/permissions.md).
    manifest.permissions = [...((manifest.permissions as string[]) ?? []), 'offscreen', 'sidePanel'];
  }
  return manifest;
}

async function mergeLocales(): Promise<Record<string, { message: string; description?: string }>> {
  const dir = path.join(root, 'src/locales/en');
  const merged: Record<string, { message: string; description?: string }> = {};
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as typeof merged;
    for (const [key, value] of Object.entries(part)) {
      if (merged[key]) throw new Error(`src/locales/en/${file}: message "${key}" is defined twice`);
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`src/locales/en/${file}: bad message name "${key}"`);
      if (typeof value?.message !== 'string')
        throw new Error(`src/locales/en/${file}: "${key}" has no message`);
      merged[key] = value;
    }
  }
  return merged;
}

async function main() {
  const started = performance.now();
  const targets: Target[] = bench ? ['chrome', 'firefox', 'bench-chrome'] : ['chrome', 'firefox'];
  console.log(`crossread build → ${path.relative(root, dist)}/{${targets.join(',')}}`);

  await step('clean', async () => {
    await rm(staging, { recursive: true, force: true });
    for (const t of targets) await mkdir(path.join(staging, t, 'icons'), { recursive: true });
  });

  const indexJson = await step('index seeds', async () => {
    const { index, summary } = await indexFolder(seedsDir);
    console.log(`    ${summary}`);
    return JSON.stringify(index);
  });

  await step('bundle', async () => {
    for (const t of targets) {
      await esbuild.build({
        entryPoints: entries
          .filter((e) => !e.only || e.only === (t === 'firefox' ? 'firefox' : 'chrome'))
          .map((e) => ({
            in: path.join(root, e.entry),
            out: e.outfile.replace(/\.js$/, ''),
          })),
        outdir: path.join(staging, t),
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: ['chrome120', 'firefox128'],
        minify: true,
        legalComments: 'none',
        sourcemap: false,
        charset: 'utf8',
        define: { __BENCH__: t === 'bench-chrome' ? 'true' : 'false' },
        plugins: [markjsPatch()],
        logLevel: 'silent',
      });
    }
  });

  await step('copy static', async () => {
    const locales = JSON.stringify(await mergeLocales(), null, 1);
    for (const t of targets) {
      for (const f of staticFiles.filter(
        (x) => !x.only || x.only === (t === 'firefox' ? 'firefox' : 'chrome'),
      ))
        await cp(path.join(root, f.from), path.join(staging, t, f.to));
      await mkdir(path.join(staging, t, '_locales/en'), { recursive: true });
      await writeFile(path.join(staging, t, '_locales/en/messages.json'), locales);
      await writeFile(path.join(staging, t, 'index.json'), indexJson);
    }
  });

  await step('render icons', async () => {
    const svg = await readFile(path.join(root, 'icons/icon.svg'), 'utf8');
    for (const size of iconSizes) {
      const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
      for (const t of targets) await writeFile(path.join(staging, t, 'icons', `icon-${size}.png`), png);
    }
  });

  await step('write manifests', async () => {
    const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const t of targets) {
      await writeFile(
        path.join(staging, t, 'manifest.json'),
        `${JSON.stringify(manifestFor(base, t), null, 2)}\n`,
      );
    }
  });

  await step('move into place', async () => {
    for (const t of targets) {
      await rm(path.join(dist, t), { recursive: true, force: true });
      await rename(path.join(staging, t), path.join(dist, t));
    }
    await rm(staging, { recursive: true, force: true });
  });

  console.log(`done in ${(performance.now() - started).toFixed(0)} ms`);
}

await main();
