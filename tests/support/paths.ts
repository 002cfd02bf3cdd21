import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The extension under test; a test may point these at a modified copy (mutation checks, bad index). */
export const DIST_CHROME = process.env.CROSSREAD_DIST_CHROME ?? path.join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = process.env.CROSSREAD_DIST_FIREFOX ?? path.join(ROOT, 'dist/firefox');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const SHARED = path.resolve(ROOT, '../shared');
export const ARTIFACTS = path.join(ROOT, 'test-results');
