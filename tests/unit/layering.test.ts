/**
 * The import rules of CONVENTIONS.md (c), checked on every file in src/: the core imports only
 * core, no shell imports another shell, and nothing in src/ reads seeds/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/paths.ts';

const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

/** Every import/export-from/dynamic import specifier in a file. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

/** The top-level src folder a file belongs to (core, indexer, messaging, content, background, popup). */
function layer(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0] as string;
}

/** What each layer may import: other src layers, and packages (by prefix). */
const RULES: Record<string, { layers: string[]; packages: RegExp }> = {
  core: { layers: ['core'], packages: /^$/ },
  indexer: { layers: ['core', 'indexer'], packages: /^(node:|wink-nlp|wink-eng-lite-web-model)/ },
  messaging: { layers: ['core', 'messaging'], packages: /^webextension-polyfill$/ },
  article: { layers: ['core', 'article'], packages: /^$/ },
  store: { layers: ['core', 'store'], packages: /^$/ },
  worker: {
    layers: ['core', 'messaging', 'store', 'worker'],
    packages: /^(wink-nlp|wink-eng-lite-web-model)$/,
  },
  offscreen: { layers: ['messaging', 'offscreen'], packages: /^webextension-polyfill$/ },
  content: {
    layers: ['core', 'messaging', 'article', 'content'],
    packages: /^(webextension-polyfill|mark\.js)/,
  },
  background: { layers: ['core', 'messaging', 'store', 'background'], packages: /^webextension-polyfill$/ },
  options: {
    layers: ['core', 'messaging', 'article', 'store', 'options'],
    packages: /^webextension-polyfill$/,
  },
  popup: { layers: ['core', 'messaging', 'popup'], packages: /^webextension-polyfill$/ },
};

test('every import in src/ follows the layering table', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = layer(file);
    if (from.endsWith('.d.ts') || from === 'globals.d.ts') continue;
    const rule = RULES[from];
    assert.ok(rule, `${path.relative(ROOT, file)}: src/${from} is not a known layer`);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(SRC + path.sep)) {
          violations.push(`${path.relative(ROOT, file)} imports ${spec} (outside src/)`);
          continue;
        }
        const to = layer(target);
        if (!rule.layers.includes(to))
          violations.push(`${path.relative(ROOT, file)} (${from}) imports ${to}: ${spec}`);
      } else if (!rule.packages.test(spec)) {
        violations.push(`${path.relative(ROOT, file)} (${from}) imports package ${spec}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the import scanner sees every form of import', () => {
  const found = specifiers(
    "import a from 'x';\nimport type { B } from \"../y.ts\";\nexport { c } from './z.ts';\nconst d = import('w');\nimport 'side';",
  );
  assert.deepEqual(found.sort(), ['../y.ts', './z.ts', 'side', 'w', 'x']);
});
