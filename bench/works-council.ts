// npm run bench:works-council — what the works-council checks cost in the server's CPU, on generated
// cells (one per chat: the worst case, no two chats share day, user and values) for an organization
// with BENCH_CHATS chats (default 200,000) of BENCH_USERS people (default 2,000) over the 800-day
// window. Prints the median of each check as the analytics endpoints run it. With DATABASE_URL it
// then times the SQL read of the cells and whole requests with and without the mode on a large
// organization in PostgreSQL (bench/works-council-pg.ts).
import { BREAKDOWN_GROUPS, Guard, type Cell } from '../src/analytics/works-council/guard.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 200_000);
const USERS = Number(process.env.BENCH_USERS ?? 2_000);
const K = 5;
let seed = 1;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const today = Math.floor(Date.now() / 86_400_000);
const window = { from: today + 1 - 800, to: today + 1 };
const cells: Cell[] = Array.from({ length: CHATS }, () => ({
  day: window.from + Math.floor(rand() * 800),
  user: String(Math.floor(rand() * USERS)),
  n: 1,
  values: {
    bot_version: pick(['2.3.0', '2.3.1', '2.4.0', null]),
    question_category: pick(['leave', 'payroll', 'benefits', 'onboarding', 'relocation', 'pension']),
    sentiment: pick(['positive', 'neutral', 'negative', null]),
    country_code: pick(['NL', 'DE', 'GB', 'FR', null]),
    language_code: pick(['nl', 'de', 'en', 'fr']),
    user_rating: pick(['1', '2', '3', '4', '5', null, null]),
    is_escalated: pick(['true', 'false', 'false', null]),
    is_forwarded_to_hr: pick(['true', 'false', 'false', 'false']),
  },
  tags: ['a', 'b', 'c'].filter(() => rand() < 0.3),
}));

function median(f: () => void, runs = 7): number {
  const times = Array.from({ length: runs }, () => {
    const t = performance.now();
    f();
    return performance.now() - t;
  }).sort((a, b) => a - b);
  return times[runs >> 1];
}

let guard!: Guard;
const build = median(() => (guard = new Guard(cells, K, window)), 3);
const last30 = { from: today + 1 - 30, to: today + 1 };
const rows: [string, number][] = [
  ['build the guard (sort the cells)', build],
  ['summary, 30 days, no filter (range and previous period)', median(() => { guard.check({ ...last30, conditions: [] }); guard.check({ from: last30.from - 30, to: last30.from, conditions: [] }); })],
  ['summary, 30 days, 2 filters', median(() => guard.check({ ...last30, conditions: [{ dim: 'country_code', kind: 'eq', value: 'NL' }, { dim: 'is_escalated', kind: 'eq', value: 'true' }] }))],
  ['breakdown by question_category, 30 days (total + 6 groups + unknown)', median(() => {
    guard.check({ ...last30, conditions: [] });
    for (const value of ['leave', 'payroll', 'benefits', 'onboarding', 'relocation', 'pension']) guard.check({ ...last30, conditions: [{ dim: 'question_category', kind: 'eq', value }] });
    guard.check({ ...last30, conditions: [{ dim: 'question_category', kind: 'null' }] });
  })],
  ['timeseries, 30 daily buckets', median(() => {
    guard.check({ ...last30, conditions: [] });
    for (let d = last30.from; d < last30.to; d++) guard.check({ from: d, to: d + 1, conditions: [] });
  })],
  ['timeseries, 365 days, 53 weekly buckets', median(() => {
    guard.check({ from: today + 1 - 365, to: today + 1, conditions: [] });
    for (let d = today + 1 - 365; d < today + 1; d += 7) guard.check({ from: d, to: Math.min(d + 7, today + 1), conditions: [] });
  }, 3)],
];
console.log(`bench:works-council — ${CHATS.toLocaleString('en')} cells, ${USERS.toLocaleString('en')} people, k = ${K}, groups up to ${BREAKDOWN_GROUPS}; median ms`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(72)} ${ms.toFixed(1)}`);

if (process.env.DATABASE_URL) await (await import('./works-council-pg.js')).benchPostgres();
else console.log('\n(set DATABASE_URL to a PostgreSQL server to time the cell read and whole requests on a large organization)');
