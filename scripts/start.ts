/**
 * `npm start` (Chromium) and `npm start -- firefox`: builds the extension, serves a page on the
 * seeds' story on 127.0.0.1 (tests/fixtures/pages/story-retold: invented text written for the
 * tests, in other words than the seeds) and opens the browser with crossread loaded on it, through
 * web-ext's `run`. Closing the browser, or Ctrl+C, ends it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const firefox = process.argv.slice(2).includes('firefox');
const browser = firefox ? '/usr/bin/firefox-esr' : '/usr/bin/chromium';
if (!existsSync(browser)) {
  console.error(
    `npm start: ${browser} is missing — apt-get update && apt-get install -y chromium firefox-esr`,
  );
  process.exit(1);
}

const run = (cmd: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

if ((await run('npm', ['run', '-s', 'build'])) !== 0) process.exit(1);
const server = await startServer(path.join(root, 'tests/fixtures/pages/story-retold'));
const url = `${server.origin}/page.html`;
console.log(`npm start: crossread on ${url} in ${firefox ? 'Firefox ESR' : 'Chromium'}`);
const args = firefox
  ? ['run', '--source-dir', 'dist/firefox', '--target', 'firefox-desktop', '--firefox', browser]
  : ['run', '--source-dir', 'dist/chrome', '--target', 'chromium', '--chromium-binary', browser];
// Root (a container) needs Chromium without its sandbox; keep the browser off the network.
if (!firefox && process.getuid?.() === 0) args.push('--arg=--no-sandbox');
if (!firefox) args.push('--arg=--disable-background-networking', '--arg=--no-first-run');
args.push('--start-url', url, '--no-reload');
const code = await run('npx', ['web-ext', ...args]);
await server.close();
process.exit(code);
