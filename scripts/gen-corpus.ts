/**
 * Generates a synthetic corpus of N articles from templates with varied names, places and
 * numbers (issue 3.10), for the index-build bench: `tsx scripts/gen-corpus.ts <N> <folder>`.
 * Deterministic (seeded PRNG). Articles come in story clusters of five outlets, so grouping work
 * grows with the corpus as it would on real news.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FIRST = [
  'Anton',
  'Berit',
  'Carlos',
  'Dalia',
  'Emre',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jana',
  'Kemal',
  'Lotte',
  'Milan',
  'Nadia',
  'Oskar',
  'Petra',
  'Rafael',
  'Sanna',
  'Tomas',
  'Ulla',
];
const LAST = [
  'Albrecht',
  'Brandt',
  'Castell',
  'Dimitrov',
  'Engel',
  'Fischer',
  'Grieg',
  'Halloran',
  'Ivanic',
  'Jansen',
  'Kovac',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Olsen',
  'Petrovic',
  'Quist',
  'Rossi',
  'Svensson',
  'Toth',
];
const TOWNS = [
  'Arvik',
  'Belmora',
  'Corran',
  'Dunsby',
  'Elmstad',
  'Farrow',
  'Glenmoor',
  'Harlin',
  'Istra',
  'Jorvik',
  'Kelby',
  'Lunde',
];
const ORGS = [
  'Workers Council',
  'Farmers League',
  'Transport Union',
  'Civic Alliance',
  'Teachers Federation',
];
const OUTLETS = ['Daily Ledger', 'Morning Post', 'Evening Star', 'Coast Herald', 'City Courier'];
const EVENTS = ['strike', 'flood', 'election', 'fire', 'protest'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function article(n: number): string {
  const story = Math.floor(n / 5);
  const r = rng(story * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  // One person per story (8,000 combinations): reused names would make stories share a person.
  const person = `${FIRST[story % 20]} ${LAST[Math.floor(story / 20) % 20]}-${LAST[Math.floor(story / 400) % 20]}`;
  const surname = person.split(' ')[1];
  const town = `${pick(TOWNS)}${story % 97}`;
  const org = `${pick(TOWNS)} ${pick(ORGS)}`;
  const event = pick(EVENTS);
  const count = 100 + Math.floor(r() * 9000);
  const days = 2 + Math.floor(r() * 20);
  const own = rng(n * 104729 + 3);
  const reported = own() < 0.3 ? count + 50 + Math.floor(own() * 900) : count;
  const lines = [
    `${event[0]!.toUpperCase()}${event.slice(1)} hits ${town}`,
    '',
    `${town}: A ${event} hit the town of ${town} on Monday, officials said, as ${org} called for calm.`,
    '',
    `${person}, who leads ${org}, said the ${event} was the worst in ${days} years.`,
    '',
    `More than ${reported.toLocaleString('en-US')} people have been displaced since the ${event} began, according to local officials.`,
    '',
    `"We will rebuild ${town} together," said ${surname}, speaking to reporters outside the town hall.`,
    '',
    `Mr ${surname} said the ${org} would meet again within ${days} days.`,
    '',
    `Residents of ${town} described long queues for water and fuel in the ${event} zone.`,
    '',
    'Story continues below advertisement',
    '',
    `Reporting by ${pick(FIRST)} ${pick(LAST)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export async function generate(count: number, folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const sources = [];
  for (let i = 0; i < count; i++) {
    const file = `${String(i).padStart(5, '0')}.txt`;
    await writeFile(path.join(folder, file), article(i));
    sources.push({ file, outlet: OUTLETS[i % 5], title: null, url: null, published: null });
  }
  await writeFile(
    path.join(folder, 'sources.json'),
    JSON.stringify({ about: 'generated', sources }, null, 1),
  );
}

if (process.argv[1]?.endsWith('gen-corpus.ts')) {
  const n = Number(process.argv[2] ?? 10000);
  const folder = process.argv[3] ?? `/tmp/crossread-gen-${n}`;
  await generate(n, folder);
  console.log(`wrote ${n} articles to ${folder}`);
}
