/**
 * The content script's speed and size targets (issue 4.9), measured in one run and reported as
 * ratios where timing is involved (the machine is shared and noisy):
 *
 *   - crossread's own page main-thread work (setup + text extraction + painting + the report sent
 *     when the page settles, from the bench build's own timings) next to a plain TreeWalker pass
 *     over the same page, measured in the same page; the background's matching time beside it (it
 *     runs off the page's main thread). Three ways:
 *       fresh (the target): five rounds, each restoring a copy of the body as loaded before the walk
 *         and again before crossread's re-run, so both read nodes no script has touched, with their
 *         code already run. That is how PERF-NOTES measured the lower bound and the ratios the
 *         target comes from (a pristine body restored before every run);
 *       same nodes: the walk's second pass over nodes it has just read, crossread's re-run right
 *         after its own run. The walk gets 2-4× faster there (the browser keeps the script objects
 *         of nodes already read), so this flatters the lower bound, not crossread; printed beside;
 *       cold: crossread's first scan of the page, the walk's first pass;
 *   - scanning → ready; the longest crossread slice and the longest task (PerformanceObserver
 *     longtask) between scanning and ready;
 *   - on real news pages from ../shared/pages (seven story paragraphs injected, as in PERF-NOTES)
 *     and on a generated 5 MB page;
 *   - core matching time with a 10,000-article index (scripts/gen-corpus.ts) vs the seed index;
 *   - the content bundle's size.
 *
 * Run: `npx tsx scripts/bench-page.ts` (npm run bench runs it). Exits 1 when a target is missed.
 * `--quick`: three news pages, no 10,000-article index; `--huge-only`: the 5 MB page alone (with --quick).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusIndex } from '../src/core/index/schema.ts';
import { createPageMatcher, matchText } from '../src/core/match/page-matcher.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { startIsolatedServer } from '../tests/support/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/pages');
const quick = process.argv.includes('--quick');
const RUNS = 3;
/** Rounds of the fresh and same-nodes figures (bench builds re-run on request). */
const ROUNDS = 5;

const NEWS = [
  'cnn.html',
  'nytimes-1.html',
  'nytimes-2.html',
  'wapo-1.html',
  'aclu.html',
  'theverge.html',
  'engadget.html',
  'buzzfeed-1.html',
  'breitbart.html',
  'yahoo-1.html',
  'liberation-1.html',
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Paragraphs of the seed articles: the story the index knows. */
async function storyParagraphs(): Promise<string[]> {
  const dir = path.join(root, 'seeds');
  const out: string[] = [];
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.txt')).sort())
    for (const p of (await readFile(path.join(dir, f), 'utf8')).split(/\n\s*\n/))
      if (p.trim().length > 120) out.push(p.trim().replace(/\s+/g, ' '));
  return out;
}

/** Inserts `paragraphs` at evenly spaced </p> positions (the page's own markup otherwise unchanged). */
function inject(html: string, paragraphs: string[]): string {
  const ends = [...html.matchAll(/<\/p>/gi)].map((m) => (m.index ?? 0) + 4);
  if (ends.length === 0)
    return html.replace(/<\/body>/i, `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body>`);
  let out = '';
  let last = 0;
  paragraphs.forEach((p, i) => {
    const at = ends[Math.floor(((i + 0.5) * ends.length) / paragraphs.length)] as number;
    out += `${html.slice(last, at)}<p>${escapeHtml(p)}</p>`;
    last = at;
  });
  return out + html.slice(last);
}

/** A 5 MB article: paragraphs of the saved pages' text, with markup, and a story paragraph every 40. */
async function hugePage(story: string[]): Promise<string> {
  const texts: string[] = [];
  for (const f of (await readdir(shared)).filter((x) => x.endsWith('.html')).sort()) {
    const html = await readFile(path.join(shared, f), 'utf8');
    for (const m of html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)) {
      const t = (m[1] as string)
        .replace(/<[^>]+>/g, '')
        .replace(/&[a-z#0-9]+;/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (t.length > 80) texts.push(t);
    }
  }
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const parts: string[] = [
    '<!doctype html><html><head><meta charset="utf-8"><title>5 MB</title></head><body><article>',
  ];
  let size = 0;
  let n = 0;
  while (size < 5_000_000) {
    const text =
      n % 40 === 39
        ? (story[n % story.length] as string)
        : (texts[Math.floor(rand() * texts.length)] as string);
    const words = escapeHtml(text).split(' ');
    // Some inline markup, as real pages have: links, emphasis, nested spans.
    for (let i = 3; i < words.length; i += 14)
      words[i] = i % 3 ? `<a href="#x">${words[i]}</a>` : `<em>${words[i]}</em>`;
    if (n % 25 === 0) parts.push('<section>');
    parts.push(`<p>${words.join(' ')}</p>`);
    if (n % 25 === 24) parts.push('</section>');
    size += text.length;
    n++;
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}

/** Runs in the page from document start: crossread's state changes and every long task. */
const OBSERVE = `(() => {
  const b = (window.__bench = { scanning: -1, ready: -1, tasks: [], frames: [] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  // Long animation frames (--verbose): how a long frame splits into script and style + layout.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const script = e.scripts.reduce((n, s) => n + s.duration, 0);
        const render = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
        b.frames.push([e.startTime, e.duration, script, render]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // From document start there is no <html> yet: observe the document, attributes of any element.
  new MutationObserver(() => {
    const s = document.documentElement && document.documentElement.getAttribute('data-crossread-state');
    if (s === 'scanning' && b.scanning < 0) b.scanning = performance.now();
    if (s === 'ready' && b.scanning >= 0 && b.ready < 0) b.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-crossread-state'] });
  // The page as loaded, before crossread runs (document_idle comes after DOMContentLoaded): the
  // fresh rounds restore a copy of it, as PERF-NOTES restored a pristine body before every run.
  document.addEventListener('DOMContentLoaded', () => { window.__pristine = document.body.cloneNode(true); }, { once: true });
})()`;

/**
 * The lower bound: a plain TreeWalker pass over the page's text, as a function expression that
 * returns [ms, text nodes read].
 */
const WALK = `(() => {
  const t = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const p = n.parentNode.localName;
    if (p !== 'script' && p !== 'style' && p !== 'noscript' && p !== 'textarea' && p !== 'title') out.push(n.data);
  }
  return [performance.now() - t, out.length];
})`;

/** The walk 5 times in the same page (all times): the first pass is the cold figure. */
const TREEWALKER = `(() => {
  const walk = ${WALK};
  const times = [];
  for (let r = 0; r < 5; r++) {
    const [ms, read] = walk();
    times.push(ms);
    if (!read) break;
  }
  return times;
})()`;

/** One walk, once (the fresh rounds time it on a just-restored body). */
const WALK_ONCE = `${WALK}()[0]`;

/**
 * Puts back a fresh copy of the body as loaded, collects garbage and lays it out: new nodes that
 * neither the page's world nor crossread's has read yet. Fails if the copy holds anything of
 * crossread's.
 */
const RESTORE = `(() => {
  const p = window.__pristine;
  if (!p) throw new Error('no pristine body: DOMContentLoaded came after crossread');
  if (p.querySelector('mark[data-crossread-kind], [data-crossread-ui]')) throw new Error('the pristine body holds crossread marks');
  document.body.replaceWith(p.cloneNode(true));
  // The old body's garbage is collected here, outside the timed runs (PERF-NOTES, appendix B).
  gc();
  return document.body.offsetHeight;
})()`;

interface Row {
  page: string;
  extract: number;
  paint: number;
  chars: number;
  /**
   * Fresh (the target): median over ROUNDS rounds, each timing the walk and crossread on a
   * just-restored copy of the body, with both codes already run (PERF-NOTES' method).
   */
  walk: number;
  main: number;
  match: number;
  ratio: number;
  /** Same nodes: the walk's second pass over nodes it just read, crossread's re-run right after its own run. */
  sameWalk: number;
  sameMain: number;
  sameRatio: number;
  /** Cold: the walk's first pass; crossread's first scan of the page. */
  coldWalk: number;
  coldMain: number;
  coldRatio: number;
  ready: number;
  slice: number;
  task: number;
  marks: number;
}

async function main() {
  console.log('building dist/bench-chrome …');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--bench'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`bench build failed:\n${build.stdout}\n${build.stderr}`);

  const story = await storyParagraphs();
  const pagesDir = path.join(tmpdir(), 'crossread-bench-pages');
  await mkdir(pagesDir, { recursive: true });
  const names = process.argv.includes('--huge-only') ? [] : quick ? NEWS.slice(0, 3) : NEWS;
  for (const f of names) {
    const html = await readFile(path.join(shared, f), 'utf8');
    // Seven story paragraphs, as PERF-NOTES measured: a page with nothing to paint would flatter us.
    await writeFile(path.join(pagesDir, f), inject(html, story.slice(0, 7)));
  }
  await writeFile(path.join(pagesDir, 'huge-5mb.html'), await hugePage(story));

  const server = await startIsolatedServer(pagesDir);
  // gc() in the page (one heap for the page's world and crossread's): RESTORE collects between runs.
  const session = await launchChromium(path.join(root, 'dist/bench-chrome'), {
    args: ['--js-flags=--expose-gc'],
  });
  await session.context.addInitScript(OBSERVE);
  // Only the test server: the saved pages' scripts, fonts and images would otherwise time out one by one.
  await session.context.route('**/*', (r) =>
    r.request().url().startsWith(server.origin) ? r.continue() : r.abort(),
  );
  const rows: Row[] = [];
  try {
    for (const f of [...names, 'huge-5mb.html']) {
      const runs: Row[] = [];
      for (let r = 0; r < (f.startsWith('huge') ? 1 : RUNS); r++) {
        const page = await session.context.newPage();
        try {
          await page.goto(`${server.origin}/${f}`, { waitUntil: 'load', timeout: 120000 });
          await page.waitForFunction(`document.documentElement.hasAttribute('data-crossread-bench')`, null, {
            timeout: 120000,
          });
          const bench = JSON.parse((await page.getAttribute('html', 'data-crossread-bench')) ?? '{}');
          const seen = (await page.evaluate('window.__bench')) as {
            scanning: number;
            ready: number;
            tasks: [number, number][];
          };
          await page.waitForTimeout(200);
          const walks = (await page.evaluate(TREEWALKER)) as number[];
          const chars = (await page.evaluate('document.body.textContent.length')) as number;
          const coldMain = bench.setup + bench.extract + bench.paint + (bench.announce ?? 0);
          if (process.argv.includes('--verbose')) {
            console.log(f, JSON.stringify(bench));
            const worst = (seen as unknown as { frames: number[][] }).frames
              .filter(([s]) => (s as number) >= seen.scanning - 1)
              .sort((a, b) => (b[1] as number) - (a[1] as number))
              .slice(0, 5)
              .map(
                ([s, d, js, r]) =>
                  `at ${fmt((s as number) - seen.scanning, 0)}: ${fmt(d as number, 0)} ms (script ${fmt(js as number, 0)}, style+layout ${fmt(r as number, 0)})`,
              );
            console.log(`  longest frames: ${worst.join('; ')}`);
          }
          const during = seen.tasks.filter(([s]) => s >= seen.scanning - 1).map(([, d]) => d);
          // Fresh rounds (the target): walk and crossread each on a just-restored body. Then crossread
          // again and the walk again on the same nodes, for the same-nodes figures.
          const rerun = async () => {
            await page.evaluate(`postMessage('crossread:bench-rerun', '*')`);
            await page.waitForFunction(
              `document.documentElement.hasAttribute('data-crossread-bench')`,
              null,
              {
                timeout: 60000,
              },
            );
            const b = JSON.parse((await page.getAttribute('html', 'data-crossread-bench')) ?? '{}');
            return {
              main: b.setup + b.extract + b.paint + (b.announce ?? 0),
              match: b.match as number,
              extract: b.extract as number,
              paint: b.paint as number,
            };
          };
          const fresh: { main: number; match: number; extract: number; paint: number; walk: number }[] = [];
          const same: { main: number; walk: number }[] = [];
          for (let w = 0; w < (f.startsWith('huge') ? 0 : ROUNDS); w++) {
            await page.evaluate(RESTORE);
            await page.waitForTimeout(60);
            const walked = (await page.evaluate(WALK_ONCE)) as number;
            await page.evaluate(RESTORE);
            await page.waitForTimeout(60);
            fresh.push({ ...(await rerun()), walk: walked });
            await page.waitForTimeout(50);
            const again = await rerun();
            await page.evaluate(WALK_ONCE);
            same.push({ main: again.main, walk: (await page.evaluate(WALK_ONCE)) as number });
            await page.waitForTimeout(50);
          }
          const walk = fresh.length ? median(fresh.map((x) => x.walk)) : median(walks.slice(1));
          const main = fresh.length ? median(fresh.map((x) => x.main)) : coldMain;
          const sameWalk = same.length ? median(same.map((x) => x.walk)) : median(walks.slice(1));
          const sameMain = same.length ? median(same.map((x) => x.main)) : coldMain;
          const coldWalk = walks[0] as number;
          runs.push({
            page: f,
            extract: fresh.length ? median(fresh.map((x) => x.extract)) : bench.extract,
            paint: fresh.length ? median(fresh.map((x) => x.paint)) : bench.paint,
            chars,
            walk,
            main,
            match: fresh.length ? median(fresh.map((x) => x.match)) : bench.match,
            ratio: main / walk,
            sameWalk,
            sameMain,
            sameRatio: sameMain / sameWalk,
            coldWalk,
            coldMain,
            coldRatio: coldMain / coldWalk,
            ready: seen.ready - seen.scanning,
            slice: bench.longest,
            task: during.length ? Math.max(...during) : 0,
            marks: bench.marks,
          });
        } finally {
          await page.close();
        }
      }
      const pick = (k: keyof Row) => median(runs.map((x) => x[k] as number));
      rows.push({
        page: f,
        extract: pick('extract'),
        paint: pick('paint'),
        chars: pick('chars'),
        walk: pick('walk'),
        main: pick('main'),
        match: pick('match'),
        ratio: pick('ratio'),
        sameWalk: pick('sameWalk'),
        sameMain: pick('sameMain'),
        sameRatio: pick('sameRatio'),
        coldWalk: pick('coldWalk'),
        coldMain: pick('coldMain'),
        coldRatio: pick('coldRatio'),
        ready: pick('ready'),
        slice: pick('slice'),
        task: pick('task'),
        marks: pick('marks'),
      });
    }
  } finally {
    await session.close();
    await server.close();
  }

  console.log(
    '\n                              ---------- fresh ---------------------------   -- same nodes --   ------ cold ------',
  );
  console.log(
    'page                  chars   walk ms  main ms (extract + paint)  ×walk  bg match  walk ms  main ms  ×walk  walk ms  main ms  ×walk  ready ms  slice ms  longtask ms  marks',
  );
  for (const r of rows)
    console.log(
      `${r.page.padEnd(20)} ${String(r.chars).padStart(8)} ${fmt(r.walk, 2).padStart(8)} ${fmt(r.main, 2).padStart(8)} (${fmt(r.extract).padStart(6)} + ${fmt(r.paint).padStart(6)})   ${fmt(r.ratio).padStart(6)} ${fmt(r.match).padStart(9)} ${fmt(r.sameWalk, 2).padStart(8)} ${fmt(r.sameMain, 2).padStart(8)} ${fmt(r.sameRatio).padStart(6)} ${fmt(r.coldWalk, 2).padStart(8)} ${fmt(r.coldMain, 2).padStart(8)} ${fmt(r.coldRatio).padStart(6)} ${fmt(r.ready, 0).padStart(9)} ${fmt(r.slice).padStart(9)} ${fmt(r.task, 0).padStart(12)} ${String(r.marks).padStart(6)}`,
    );

  const news = rows.filter((r) => !r.page.startsWith('huge'));
  const huge = rows.find((r) => r.page.startsWith('huge')) as Row;
  const missed: string[] = [];
  const medRatio = median(news.map((r) => r.ratio));
  const medCold = median(news.map((r) => r.coldRatio));
  const medSame = median(news.map((r) => r.sameRatio));
  const medWithMatch = median(news.map((r) => (r.main + r.match) / r.walk));
  const medReady = median(news.map((r) => r.ready));

  // Matching with a 10,000-article index vs the seed index (core, same V8 as the page's engine).
  let matchRatio = Number.NaN;
  let matchLine = 'skipped (--quick)';
  if (!quick) {
    const seed = JSON.parse(await readFile(path.join(root, 'dist/chrome/index.json'), 'utf8')) as CorpusIndex;
    const big = await bigIndex();
    const merged = mergeIndexes(seed, big);
    const texts = (await Promise.all(names.map((f) => readFile(path.join(pagesDir, f), 'utf8')))).flatMap(
      (h) =>
        [...h.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => (m[1] as string).replace(/<[^>]+>/g, '')),
    );
    const build = (index: CorpusIndex) => {
      const t0 = performance.now();
      const matcher = createPageMatcher(index.matcher, index.facts);
      return { matcher, built: performance.now() - t0, samples: [] as number[], found: 0 };
    };
    const run = (m: ReturnType<typeof build>) => {
      const t = performance.now();
      let found = 0;
      for (const text of texts) {
        const hit = matchText(m.matcher, text);
        found += hit.names.length + hit.claims.length;
      }
      m.samples.push(performance.now() - t);
      m.found = found;
    };
    const seedRun = build(seed);
    const bigRun = build(merged);
    // Warm the JIT on both, then alternate rounds so a noisy moment hits both alike.
    run(seedRun);
    run(bigRun);
    seedRun.samples.length = 0;
    bigRun.samples.length = 0;
    for (let r = 0; r < 7; r++) {
      run(seedRun);
      run(bigRun);
    }
    const a = { ms: median(seedRun.samples), built: seedRun.built, found: seedRun.found };
    const b = { ms: median(bigRun.samples), built: bigRun.built, found: bigRun.found };
    matchRatio = b.ms / a.ms;
    matchLine = `seed index ${fmt(a.ms)} ms (${a.found} matches, build ${fmt(a.built)} ms) · seed + ${big.sources.length} articles ${fmt(b.ms)} ms (${b.found} matches, build ${fmt(b.built)} ms) → ×${fmt(matchRatio, 2)}`;
  }

  const bundle = (await stat(path.join(root, 'dist/chrome/content.js'))).size;
  const targets: [string, string, boolean][] = [
    ['page main-thread work ≤ 3× TreeWalker (median news page, fresh)', `×${fmt(medRatio)}`, medRatio <= 3],
    ['scanning → ready ≤ 150 ms (median news page)', `${fmt(medReady, 0)} ms`, medReady <= 150],
    ['5 MB page: no crossread slice over 50 ms', `${fmt(huge.slice)} ms`, huge.slice <= 50],
    ['5 MB page: no long task over 50 ms while scanning', `${fmt(huge.task, 0)} ms`, huge.task <= 50],
    ['5 MB page: ready ≤ 2 s', `${fmt(huge.ready, 0)} ms`, huge.ready <= 2000],
    [
      'matching, 10,000-article index ≤ 2× seed index',
      quick ? 'skipped' : `×${fmt(matchRatio, 2)}`,
      quick || matchRatio <= 2,
    ],
    // 40 KB until the conflict minimap and the side panel's in-view tracking (2.8 KB, parsed on
    // every page: about 0.08 ms of V8 compile, the whole script 1.2 ms).
    ['content.js ≤ 44 KB minified', `${(bundle / 1024).toFixed(1)} KB`, bundle <= 44 * 1024],
  ];
  console.log(
    `\nmedian news page: page main thread ×${fmt(medRatio)} fresh, ×${fmt(medSame)} on the same nodes, ×${fmt(medCold)} cold; with the background's matching added ×${fmt(medWithMatch)} fresh`,
  );
  console.log(`\nmatching: ${matchLine}`);
  console.log('\ntarget                                                   measured      ok');
  for (const [name, value, ok] of targets) {
    console.log(`${name.padEnd(56)} ${value.padStart(10)}   ${ok ? 'yes' : 'NO'}`);
    if (!ok) missed.push(name);
  }
  console.log(
    '\nmain = setup (article detection, listeners) + extraction + painting + the report sent with each settled state, on the page main thread; bg match = core matching in the background (off the page thread).',
  );
  if (missed.length) {
    console.error(`\nbench-page: missed ${missed.length} target(s)`);
    process.exit(1);
  }
}

/** A 10,000-article index from scripts/gen-corpus.ts, built once and cached in the temp folder. */
async function bigIndex(): Promise<CorpusIndex> {
  const cache = path.join(tmpdir(), 'crossread-bench-index-10000.json');
  if (existsSync(cache) && !process.argv.includes('--fresh'))
    return JSON.parse(await readFile(cache, 'utf8')) as CorpusIndex;
  const { generate } = await import('./gen-corpus.ts');
  const { indexFolder } = await import('../src/indexer/index-folder.ts');
  const folder = path.join(tmpdir(), 'crossread-gen-10000');
  if (!existsSync(path.join(folder, 'sources.json'))) await generate(10000, folder);
  console.log('indexing the 10,000-article corpus (cached for later runs) …');
  const { index } = await indexFolder(folder);
  await writeFile(cache, JSON.stringify(index));
  return index;
}

/** The seed corpus inside a big one: ids prefixed so they cannot collide. */
function mergeIndexes(seed: CorpusIndex, big: CorpusIndex): CorpusIndex {
  const p = (id: string) => `g:${id}`;
  return {
    ...seed,
    sources: [...seed.sources, ...big.sources.map((s) => ({ ...s, id: p(s.id) }))],
    entities: [...seed.entities, ...big.entities.map((e) => ({ ...e, id: p(e.id) }))],
    facts: [...seed.facts, ...big.facts.map((f) => ({ ...f, id: p(f.id) }))],
    matcher: {
      names: [...seed.matcher.names, ...big.matcher.names.map((n) => ({ ...n, entity: p(n.entity) }))],
      claims: [
        ...seed.matcher.claims,
        ...big.matcher.claims.map((c) => ({ ...c, fact: p(c.fact), source: p(c.source) })),
      ],
    },
  };
}

await main();
