import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_CHROME = path.join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = path.join(ROOT, 'dist/firefox');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const SHARED = path.resolve(ROOT, '../shared');
export const ARTIFACTS = path.join(ROOT, 'test-results');
