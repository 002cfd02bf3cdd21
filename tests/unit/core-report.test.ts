/**
 * The cross-check report: conflicts first, every source's own words with a link that opens the
 * source at the sentence (a text fragment), names with their spellings per outlet; the Markdown
 * escapes whatever a page or the corpus holds; every word around the data is a _locales message.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { RawArticle } from '../../src/core/index/article.ts';
import { crossCheckReport, REPORT_KIND, REPORT_VERSION } from '../../src/core/report/cross-check.ts';
import { mdText, reportMarkdown } from '../../src/core/report/report-markdown.ts';
import { textFragmentLink } from '../../src/core/report/text-fragment.ts';
import { buildIndex } from '../../src/indexer/build-index.ts';
import { ROOT } from '../support/paths.ts';

const HARBOUR = path.join(ROOT, 'tests/fixtures/corpus-harbour');

/** The extension's messages, with $1… substituted as the browser's i18n does. */
function localeMsg(): (key: string, subs?: string[]) => string {
  const dir = path.join(ROOT, 'src/locales/en');
  const all: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const f of readdirSync(dir)) Object.assign(all, JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  return (key, subs = []) => {
    const m = all[key];
    if (!m) throw new Error(`no message ${key}`);
    return m.message.replace(/\$([A-Z0-9_]+)\$/gi, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_x, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}

function harbourIndex() {
  const listed = JSON.parse(readFileSync(path.join(HARBOUR, 'sources.json'), 'utf8')).sources as {
    file: string;
    outlet: string;
  }[];
  const articles: RawArticle[] = listed.map((s, i) => ({
    file: s.file,
    text: readFileSync(path.join(HARBOUR, s.file), 'utf8'),
    meta: {
      file: s.file,
      outlet: s.outlet,
      label: null,
      title: null,
      url: i === 0 ? 'https://tribune.example/harbour-strike?ref=home#top' : null,
      published: null,
    },
  }));
  return buildIndex(articles);
}

test('a text fragment quotes a short sentence whole and a long one by its ends, escaping its syntax', () => {
  assert.equal(
    textFragmentLink('https://a.example/x#old', 'Dock-workers, 3,000 & more, walked out.'),
    'https://a.example/x#:~:text=Dock%2Dworkers%2C%203%2C000%20%26%20more%2C%20walked%20out',
    'a short sentence, whole; - , & escaped; the old fragment replaced; the closing stop dropped',
  );
  const long =
    'The port authority said on Monday that more than 3,000 dock workers had stayed away from the container terminals in the morning.';
  const link = textFragmentLink('http://b.example/story', long) ?? '';
  const [start, end] = decodeURIComponent(link.split('#:~:text=')[1] ?? '').split(',');
  assert.equal(start, 'The port authority said on', 'the first five words');
  assert.equal(end, 'container terminals in the morning', 'the last five words, without the stop');
  assert.equal(textFragmentLink(null, long), null, 'no URL, no link');
  assert.equal(textFragmentLink('javascript:alert(1)', long), null, 'only http(s) addresses');
});

test('the report lists the page’s claims conflicts first, with each source’s words and a link', () => {
  const index = harbourIndex();
  const reported = index.facts.filter((f) => f.members.length >= 2);
  assert.ok(reported.length >= 2, `the fixture has facts reported twice (${reported.length})`);
  const single = index.facts.find((f) => f.status === 'single');
  const page = {
    url: 'https://herald.example/strike',
    title: 'Strike [at] the *port*',
    claims: [
      ...(single ? [{ ids: [single.id], status: single.status, text: 'A single claim.' }] : []),
      ...reported.map((f) => ({ ids: [f.id], status: f.status, text: `Page says: ${f.label}` })),
      { ids: ['f-unknown'], status: 'single' as const, text: 'not in the corpus' },
    ],
    names: index.entities.slice(0, 3).map((e) => ({ id: e.id, count: 2 })),
  };
  const report = crossCheckReport(index, page, '2031-05-07T09:00:00.000Z');
  assert.equal(report.kind, REPORT_KIND, 'the kind names the format');
  assert.equal(report.version, REPORT_VERSION, 'versioned');
  assert.equal(report.claims.length, page.claims.length - 1, 'a claim with no known fact is left out');
  const order = { conflict: 0, corroborated: 1, single: 2 };
  const statuses = report.claims.map((c) => order[c.status]);
  assert.deepEqual(statuses, [...statuses].sort(), `conflicts first: ${report.claims.map((c) => c.status)}`);
  for (const claim of report.claims)
    for (const fact of claim.facts) {
      const original = index.facts.find((f) => f.id === fact.id);
      assert.deepEqual(
        fact.sources.map((s) => s.words).sort(),
        (original?.members ?? []).map((m) => m.text).sort(),
        'every member’s own words are in the report',
      );
      for (const s of fact.sources) {
        if (s.outlet !== 'Valmora Tribune') assert.equal(s.link, null, 'a source with no URL has no link');
        else
          assert.match(
            s.link ?? '',
            /^https:\/\/tribune\.example\/harbour-strike\?ref=home#:~:text=/,
            'the tribune’s URL, opened at the sentence',
          );
      }
    }
  assert.equal(report.names.length, 3, 'each name on the page');
  assert.ok(
    report.names.every((n) => n.spellings.every((s) => s.outlets.length > 0)),
    'every spelling names its outlets',
  );
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'the JSON form is plain data');

  const md = reportMarkdown(report, localeMsg());
  assert.match(md, /^# crossread cross-check: Strike \\\[at\\\] the \\\*port\\\*$/m, 'the title is escaped');
  assert.match(md, /^## Claims \(\d+\)$/m, 'a claims section');
  assert.match(
    md,
    /\[open at the sentence\]\(<https:\/\/tribune\.example\/[^>]+#:~:text=[^>]+>\)/,
    'source links',
  );
  assert.match(md, /^## Names \(3\)$/m, 'a names section');
  assert.doesNotMatch(md, /\$\d|\$[A-Z]+\$/, 'every message was filled in');
});

test('Markdown escaping keeps page text from becoming markup or a link', () => {
  const hostile = '[click](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* # heading';
  const out = mdText(hostile);
  assert.doesNotMatch(out, /(^|[^\\])\[/, 'no bare [ left');
  assert.doesNotMatch(out, /</, 'no angle bracket left');
  assert.match(out, /\\\*bold\\\*/, 'emphasis escaped');
  assert.equal(mdText('1. Not a list'), '1\\. Not a list', 'an ordered-list start is escaped');
  assert.equal(mdText('- not an item'), '\\- not an item', 'a bullet start is escaped');
  assert.equal(
    mdText('On 2012-07-11, 3.5 percent'),
    'On 2012-07-11, 3.5 percent',
    'dates and decimals stay as they are',
  );
});
