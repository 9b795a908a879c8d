// Works-council mode, as a property: random filter combinations go through every analytics
// endpoint (summary, timeseries, breakdown, messages, what-changed) four at a time — a query, the
// same with some of its filters dropped and its range widened, one whose chats contain the query's
// by coincidence of the data (a filter on a value all of its chats share), and an unrelated one
// (other filters, another range); the figures the API shows are described as sets of chats, and the oracle checks
// them against the stored chats:
//   - a figure shown describes 0 or at least k distinct end users, and equals the oracle's value;
//   - any two figures shown whose chat sets are nested — as sets of stored chats, whatever the
//     filters that made them (the data nests "language nl" in "country NL") — differ by 0 or at
//     least k users (no figure about 1..k-1 by difference);
//   - the total of a breakdown or a timeseries, when a summary shows it, minus the visible groups
//     or buckets leaves 0 or at least k users;
// and with the mode off the same figures equal the oracle. FC_SEED / WC_SEED replay a failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference } from './helpers/analytics-oracle.js';
import type { Row } from './helpers/analytics-data.js';
import { bearer, createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import {
  CATEGORIES, COUNTRIES, dateOf, DAY, FIELDS, LANGUAGES, meets, nestedIn, rowsOf, seedCouncilChats, SENTIMENTS, setCouncil, storedRows, TAGS, TODAY,
  topOf, usersOf, type Cond, type Field, type OracleSet,
} from './helpers/works-council-data.js';

const SEED = Number(process.env.FC_SEED ?? 20261203);
const RUNS = Number(process.env.FC_RUNS ?? 40);
const K = 5;
// Dense enough that many figures are shown, and so that many pairs of shown figures are nested.
const CHATS = Number(process.env.WC_CHATS ?? 1600);
const USERS = Number(process.env.WC_USERS ?? 80);

let t: TestContext;
let org: SignedUp;
let rows: Row[];
let messageDays: { day: number; user: string }[];

beforeAll(async () => {
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS });
  org = await signUp(t.app);
  await seedCouncilChats(t, org, CHATS, USERS);
  expect((await setCouncil(t, org.token, true, K)).statusCode).toBe(200);
  rows = await storedRows(t, org.organization.id);
  const { rows: m } = await t.database.pool.query(
    `SELECT floor(extract(epoch FROM m.created_at) / 86400)::int AS day, coalesce(c.user_id::text, '') AS user
     FROM messages m JOIN chats c ON c.organization_id = m.organization_id AND c.id = m.chat_id WHERE m.organization_id = $1`,
    [org.organization.id],
  );
  messageDays = m;
}, 120_000);
afterAll(async () => t?.close());

// ---- queries ----

type Filters = Partial<Record<Field, string>>;
interface Query {
  from: number;
  to: number;
  filters: Filters;
}

const VALUES: Record<Field, string[]> = {
  question_category: [...CATEGORIES, 'relocation'],
  sentiment: SENTIMENTS,
  country_code: COUNTRIES,
  language_code: LANGUAGES,
  tag: TAGS,
  user_rating: ['1', '2', '3', '4', '5'],
  is_escalated: ['true', 'false'],
  is_forwarded_to_hr: ['true', 'false'],
};

const anyFiltersArb: fc.Arbitrary<Filters> = fc
  .uniqueArray(fc.constantFrom(...FIELDS), { maxLength: 3 })
  .chain((fields) => fc.tuple(...fields.map((f) => fc.constantFrom(...VALUES[f]).map((v) => [f, v] as const))))
  .map((pairs) => Object.fromEntries(pairs));
// One query in three asks for Dutch-language chats, which the data nests in country NL.
const filtersArb: fc.Arbitrary<Filters> = fc.oneof(
  anyFiltersArb,
  anyFiltersArb,
  anyFiltersArb.map((f) => ({ ...Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'country_code').slice(0, 1)), language_code: 'nl' })),
);

const queryArb: fc.Arbitrary<Query> = fc
  .record({ start: fc.integer({ min: 0, max: 27 }), length: fc.integer({ min: 1, max: 16 }), filters: filtersArb })
  .map(({ start, length, filters }) => ({ from: TODAY - start, to: Math.min(TODAY - start + length, TODAY + 1), filters }));

/** The same query with some of its filters dropped and its range widened (a superset of it). */
const widerArb = (q: Query): fc.Arbitrary<Query> =>
  fc
    .record({ left: fc.integer({ min: 0, max: 3 }), right: fc.integer({ min: 0, max: 3 }), keep: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) })
    .map(({ left, right, keep }) => ({
      from: q.from - left,
      to: Math.min(q.to + right, TODAY + 1),
      filters: Object.fromEntries(Object.entries(q.filters).filter((_, i) => keep[i])),
    }));

/**
 * A query whose chats contain q's by coincidence of the data: some of q's filters dropped, the range
 * widened, and a filter added on a value that all of q's chats share though q does not ask for it
 * (language nl gives country NL). Where q's chats share nothing more, just a wider query.
 */
const coincidentArb = (q: Query): fc.Arbitrary<Query> => {
  const own = rowsOf(rows, { from: q.from, to: q.to, conds: condsOf(q.filters) });
  const shared = own.length === 0 ? [] : FIELDS.filter((f) => !(f in q.filters)).flatMap((f) =>
    VALUES[f].filter((value) => own.every((r) => meets(r, { field: f, kind: 'eq', value }))).map((value) => [f, value] as const));
  if (shared.length === 0) return widerArb(q);
  return fc.tuple(fc.constantFrom(...shared), widerArb(q)).map(([[field, value], wide]) => ({
    ...wide,
    filters: { ...Object.fromEntries(Object.entries(wide.filters).slice(0, 2)), [field]: value },
  }));
};

function params(q: Query, extra: Record<string, string | number> = {}): string {
  const p: Record<string, string> = { from: dateOf(q.from), to: dateOf(q.to) };
  for (const [field, value] of Object.entries(q.filters)) {
    if (field === 'tag') p.tags = value;
    else if (field === 'user_rating') Object.assign(p, { rating_min: value, rating_max: value });
    else p[field] = value;
  }
  return new URLSearchParams({ ...p, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) }).toString();
}

const condsOf = (f: Filters): Cond[] => Object.entries(f).map(([field, value]) => ({ field: field as Field, kind: 'eq', value: value! }));

// ---- what an answer shows, as figure sets ----

interface Figure {
  set: OracleSet;
  /** The figures shown (null: suppressed). */
  values: Record<string, number | null> | null;
  what: string;
}

/** Messages figures live on their own sets (messages by day, their chats' users). */
interface MessageFigure {
  from: number;
  to: number;
  total: number | null;
}

const SUMMARY_METRICS = ['chats', 'end_users', 'escalation_rate', 'avg_rating', 'csat', 'total_tokens', 'p50_response_time'];
const metricsOf = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !['key', 'start', 'suppressed'].includes(k))) as Record<string, number | null>;

async function get(url: string) {
  const res = await t.app.inject({ url, headers: bearer(org.token) });
  expect(res.statusCode, `${url} → ${res.body}`).toBe(200);
  return res.json();
}

const reasons = new Map<string, number>();
function shownOrHidden(o: { suppressed: string | null }, values: Record<string, number | null>, what: string): Record<string, number | null> | null {
  reasons.set(String(o.suppressed), (reasons.get(String(o.suppressed)) ?? 0) + 1);
  if (o.suppressed === null) return values;
  expect(['fewer_than_k', 'difference', 'complement', 'total_suppressed', 'outside_window'], what).toContain(o.suppressed);
  for (const [m, v] of Object.entries(values)) expect(v, `${what} ${m} is hidden`).toBeNull();
  return null;
}

async function summaryFigures(q: Query): Promise<Figure[]> {
  const body = await get(`/api/v1/analytics/summary?${params(q)}`);
  expect(body.works_council).toEqual({ k: K });
  const len = q.to - q.from;
  const values = (key: 'value' | 'previous') => Object.fromEntries(Object.entries(body.metrics as Record<string, Record<string, number | null>>).map(([m, v]) => [m, v[key]]));
  return [
    { set: { from: q.from, to: q.to, conds: condsOf(q.filters) }, values: shownOrHidden(body, values('value'), 'summary'), what: `summary ${params(q)}` },
    { set: { from: q.from - len, to: q.from, conds: condsOf(q.filters) }, values: shownOrHidden({ suppressed: body.previous_suppressed }, values('previous'), 'previous'), what: `previous ${params(q)}` },
  ];
}

const DAY_OF = (iso: string) => Math.floor(Date.parse(iso) / DAY);

async function timeseriesFigures(q: Query, interval: 'day' | 'week' | 'hour'): Promise<{ total: OracleSet; parts: Figure[] }> {
  const body = await get(`/api/v1/analytics/timeseries?${params(q, { interval, metrics: 'chats,end_users,escalation_rate,avg_rating' })}`);
  expect(body.tz).toBe('UTC');
  expect(body.interval).toBe(interval === 'hour' ? 'day' : interval); // whole days in the mode
  const starts: number[] = body.buckets.map((b: { start: string }) => Math.max(DAY_OF(b.start), q.from));
  const parts = body.buckets.map((b: { start: string; suppressed: string | null }, i: number) => ({
    set: { from: starts[i], to: starts[i + 1] ?? q.to, conds: condsOf(q.filters) },
    values: shownOrHidden(b, metricsOf(b), `bucket ${b.start}`),
    what: `timeseries ${interval} ${params(q)} bucket ${b.start}`,
  }));
  return { total: { from: q.from, to: q.to, conds: condsOf(q.filters) }, parts };
}

/** limit=2 is asked for: in the mode every group is listed anyway (up to 100). */
async function breakdownFigures(q: Query, by: Field, council = true): Promise<{ total: OracleSet; parts: Figure[] }> {
  const body = await get(`/api/v1/analytics/breakdown?${params(q, { by, limit: 2, metrics: 'chats,end_users,escalation_rate,avg_rating,csat' })}`);
  const total: OracleSet = { from: q.from, to: q.to, conds: condsOf(q.filters) };
  const base = condsOf(q.filters);
  const top = topOf(rowsOf(rows, total), by).slice(0, council ? 100 : 2);
  const what = `breakdown by ${by} ${params(q)}`;
  const parts: Figure[] = body.groups.map((g: { key: unknown; suppressed: string | null }) => ({
    set: { ...total, conds: [...base, { field: by, kind: 'eq', value: String(g.key) }] },
    values: shownOrHidden(g, metricsOf(g), `${what} group ${g.key}`),
    what: `${what} group ${g.key}`,
  }));
  // Every group is listed whatever limit says (but those of fewer than k people).
  const listed = new Set(body.groups.map((g: { key: unknown }) => String(g.key)));
  for (const v of council ? top : []) {
    const users = usersOf(rowsOf(rows, { ...total, conds: [...base, { field: by, kind: 'eq', value: v }] }));
    expect(listed.has(v) || users < K, `${what}: group ${v} (${users} users) is listed`).toBe(true);
  }
  if (body.other) parts.push({ set: { ...total, conds: [...base, { field: by, kind: 'other', top }] }, values: shownOrHidden(body.other, metricsOf(body.other), `${what} other`), what: `${what} other` });
  if (body.unknown) parts.push({ set: { ...total, conds: [...base, { field: by, kind: 'null' }] }, values: shownOrHidden(body.unknown, metricsOf(body.unknown), `${what} unknown`), what: `${what} unknown` });
  return { total, parts };
}

async function messagesFigure(q: Query): Promise<MessageFigure> {
  const body = await get(`/api/v1/analytics/messages?start=${dateOf(q.from)}&end=${dateOf(q.to)}`);
  // Shown exactly when not suppressed.
  expect(body.total_messages === null, JSON.stringify(body)).toBe(body.suppressed !== null);
  return { from: q.from, to: q.to, total: body.suppressed === null ? body.total_messages : null };
}

async function whatChangedFigures(q: Query, by: Field): Promise<Figure[]> {
  const body = await get(`/api/v1/analytics/what-changed?${params(q, { metric: 'chats', by })}`);
  const len = q.to - q.from;
  const figures: Figure[] = [];
  for (const s of body.segments) {
    const key = String(s.key[by]);
    const conds: Cond[] = [...condsOf(q.filters), { field: by, kind: 'eq', value: key }];
    if (s.a.value !== null) figures.push({ set: { from: q.from - len, to: q.from, conds }, values: { chats: s.a.value }, what: `what-changed a ${by}=${key}` });
    if (s.b.value !== null) figures.push({ set: { from: q.from, to: q.to, conds }, values: { chats: s.b.value }, what: `what-changed b ${by}=${key}` });
  }
  return figures;
}

// ---- the oracle's checks ----

const small = (n: number) => n > 0 && n < K;

function checkFigure(f: Figure) {
  if (!f.values) return;
  const own = rowsOf(rows, f.set);
  expect(small(usersOf(own)), `${f.what} is shown but describes ${usersOf(own)} people`).toBe(false);
  const want = reference(own, new Map());
  for (const [m, v] of Object.entries(f.values)) {
    if (m === 'messages' || !(m in want)) continue;
    const w = want[m];
    if (w === null || v === null) expect(v, `${f.what} ${m}`).toBe(w);
    else expect(Math.abs(v - w), `${f.what} ${m}: ${v} vs ${w}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
  }
}

const pairs = { nested: 0, coincidence: 0 };
/** The figures shown so far, in every run: the rule has no state, so any two answers make a pair. */
const shownBefore: { f: Figure; chats: Uint32Array; empty: boolean }[] = [];

/** A figure's chats as a bit set over `rows` (containment in a few word operations). */
function bitsOf(set: OracleSet): Uint32Array {
  const bits = new Uint32Array(Math.ceil(rows.length / 32));
  const own = new Set(rowsOf(rows, set));
  rows.forEach((r, i) => own.has(r) && (bits[i >> 5] |= 1 << (i & 31)));
  return bits;
}

/** Every two figures shown whose chats (as stored) are nested differ by 0 or ≥ k people. */
function checkPairs(figures: Figure[]) {
  const fresh = figures.filter((f) => f.values).map((f) => {
    const chats = bitsOf(f.set);
    return { f, chats, empty: chats.every((w) => w === 0) };
  });
  const shown = [...shownBefore, ...fresh];
  shownBefore.push(...fresh);
  for (const a of shown) {
    if (a.empty) continue;
    for (const b of shown) {
      if (a === b || (!fresh.includes(a) && !fresh.includes(b)) || a.chats.some((w, i) => (w & ~b.chats[i]) !== 0)) continue;
      pairs.nested++;
      if (!nestedIn(a.f.set, b.f.set)) pairs.coincidence++;
      const diff = rows.filter((_, i) => (b.chats[i >> 5] & ~a.chats[i >> 5] & (1 << (i & 31))) !== 0);
      expect(small(usersOf(diff)), `${b.f.what} minus ${a.f.what} describes ${usersOf(diff)} people`).toBe(false);
    }
  }
}

/** When some answer shows the total: total minus the visible parts leaves 0 or ≥ k people. */
function checkRemainder(total: OracleSet, parts: Figure[], all: Figure[]) {
  const known = all.some((f) => f.values && f.set.from === total.from && f.set.to === total.to && f.set.conds.length === total.conds.length && nestedIn(f.set, total));
  if (!known) return;
  const visible = new Set(parts.filter((p) => p.values).flatMap((p) => rowsOf(rows, p.set)));
  const rest = rowsOf(rows, total).filter((r) => !visible.has(r));
  expect(small(usersOf(rest)), `the total minus the visible parts of ${parts[0]?.what ?? 'an answer'} describes ${usersOf(rest)} people`).toBe(false);
}

function checkMessages(figures: MessageFigure[]) {
  const users = (from: number, to: number) => new Set(messageDays.filter((m) => m.day >= from && m.day < to).map((m) => m.user));
  for (const f of figures.filter((x) => x.total !== null)) expect(small(users(f.from, f.to).size), `messages ${dateOf(f.from)}..${dateOf(f.to)}`).toBe(false);
  for (const a of figures.filter((x) => x.total !== null)) {
    for (const b of figures.filter((x) => x.total !== null && x !== a && x.from <= a.from && x.to >= a.to)) {
      const inner = users(a.from, a.to);
      const outer = new Set([...users(b.from, a.from), ...users(a.to, b.to)]);
      const extra = messageDays.filter((m) => (m.day >= b.from && m.day < a.from) || (m.day >= a.to && m.day < b.to)).map((m) => m.user);
      expect(small(new Set(extra).size), `messages ${dateOf(b.from)}..${dateOf(b.to)} minus ${dateOf(a.from)}..${dateOf(a.to)}`).toBe(false);
      void inner;
      void outer;
    }
  }
}

const byArb = fc.constantFrom(...FIELDS);
const intervalArb = fc.constantFrom('day' as const, 'week' as const, 'hour' as const);

describe('works-council mode: no figure about 1..k-1 people, directly or by difference', () => {
  let shown = 0;
  let hidden = 0;
  const count = (fs: Figure[]) => fs.forEach((f) => (f.values ? shown++ : hidden++));

  it('every endpoint, four queries a run (a wider one, one nested only by the data, an unrelated one)', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb.chain((q) => fc.tuple(fc.constant(q), widerArb(q), coincidentArb(q), queryArb, byArb, byArb, intervalArb)), async ([q, wide, coincident, unrelated, by, by2, interval]) => {
        const figures: Figure[] = [];
        const remainders: { total: OracleSet; parts: Figure[] }[] = [];
        for (const query of [q, wide, coincident, unrelated]) {
          figures.push(...(await summaryFigures(query)));
          const ts = await timeseriesFigures(query, interval);
          const bd = await breakdownFigures(query, by);
          const bd2 = await breakdownFigures(query, by2);
          figures.push(...ts.parts, ...bd.parts, ...bd2.parts, ...(await whatChangedFigures(query, by)));
          remainders.push(ts, bd, bd2);
        }
        figures.forEach(checkFigure);
        checkPairs(figures);
        for (const r of remainders) checkRemainder(r.total, r.parts, figures);
        checkMessages(await Promise.all([q, wide, coincident, unrelated].map(messagesFigure)));
        count(figures);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `[seed ${SEED}/${process.env.WC_SEED ?? 'default'}] works-council property: ${shown} figures shown, ${hidden} hidden over ${RUNS} runs of four queries (${[...reasons].map(([r, n]) => `${r}: ${n}`).join(', ')}); ` +
        `${pairs.nested} nested pairs shown checked, ${pairs.coincidence} of them nested by coincidence of the data only`,
    );
    // The property says little unless both sides are reached, and pairs nested only by the data too.
    expect(shown).toBeGreaterThan(RUNS);
    expect(hidden).toBeGreaterThan(RUNS);
    expect(pairs.coincidence).toBeGreaterThan(0);
  }, 300_000);

  it('with the mode off, the same figures equal the oracle and nothing is suppressed', async () => {
    expect((await setCouncil(t, org.token, false)).statusCode).toBe(200);
    try {
      await fc.assert(
        fc.asyncProperty(queryArb, byArb, async (q, by) => {
          const body = await get(`/api/v1/analytics/summary?${params(q)}`);
          expect([body.works_council, body.suppressed, body.previous_suppressed]).toEqual([null, null, null]);
          const values = Object.fromEntries(SUMMARY_METRICS.map((m) => [m, body.metrics[m].value]));
          checkValues({ set: { from: q.from, to: q.to, conds: condsOf(q.filters) }, values, what: `summary ${params(q)}` });
          const bd = await breakdownFigures(q, by, false);
          for (const p of bd.parts) {
            expect(p.values, p.what).not.toBeNull();
            checkValues(p);
          }
        }),
        { seed: SEED, numRuns: Math.max(5, Math.round(RUNS / 4)), endOnFailure: true },
      );
    } finally {
      expect((await setCouncil(t, org.token, true, K)).statusCode).toBe(200);
    }
  }, 120_000);
});

/** The values of a figure equal the oracle's (whatever its size). */
function checkValues(f: Figure) {
  const want = reference(rowsOf(rows, f.set), new Map());
  for (const [m, v] of Object.entries(f.values ?? {})) {
    if (!(m in want)) continue;
    if (want[m] === null || v === null) expect(v, `${f.what} ${m}`).toBe(want[m]);
    else expect(Math.abs(v - want[m]!), `${f.what} ${m}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[m]!)));
  }
}
