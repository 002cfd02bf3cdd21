/**
 * `npm run package`: store-ready archives in artifacts/ — `web-ext build` for Firefox (it
 * validates the layout AMO expects) and a zip of dist/chrome for the Chrome Web Store.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'artifacts');
const { version } = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { version: string };
mkdirSync(artifacts, { recursive: true });

const webExt = path.join(root, 'node_modules/.bin/web-ext');
const firefoxZip = `crossread-${version}-firefox.zip`;
execFileSync(
  webExt,
  [
    'build',
    '--source-dir',
    path.join(root, 'dist/firefox'),
    '--artifacts-dir',
    artifacts,
    '--filename',
    firefoxZip,
    '--overwrite-dest',
    '--no-config-discovery',
  ],
  { stdio: 'inherit' },
);

// web-ext zips whatever directory it is given; the same code makes the Chrome archive, so both
// stores get byte-identical bundles apart from the manifest.
const chromeZip = `crossread-${version}-chrome.zip`;
rmSync(path.join(artifacts, chromeZip), { force: true });
execFileSync(
  webExt,
  [
    'build',
    '--source-dir',
    path.join(root, 'dist/chrome'),
    '--artifacts-dir',
    artifacts,
    '--filename',
    chromeZip,
    '--overwrite-dest',
    '--no-config-discovery',
  ],
  { stdio: 'inherit' },
);
console.log(`packaged: artifacts/${firefoxZip}, artifacts/${chromeZip}`);
