// Distinct end users and response-time percentiles of a range: exact from the chats rows, or, when
// the range holds many chats, estimated from the per-day sketches of its whole UTC days that are
// up to date (and, unfiltered, the per-hour sketches of the whole hours of its partial days), plus
// the registers and bins of the other rows (partial hours, days or hours not built yet), computed
// from the chats rows with the same SQL. An estimate sees every
// committed write as an exact count does: a changed day is taken from the chats rows until rebuilt.
import { sql, type SQL } from 'drizzle-orm';
import { chatFilterSql, type ChatFilters } from '../../chats/filters.js';
import type { Db } from '../../db/connection.js';
import { EMPTY_RAW, type RawStats } from '../metrics.js';
import { chooseRollup, type Span } from '../plan.js';
import { epochMs, inSpans, rawStats, ts, valueCondition } from '../repository.js';
import { addBins, binSql, quantile, type Histogram } from './histogram.js';
import { estimateDistinct, HLL_REGISTERS, mergeEncoded, mergeRegister, registerSql } from './hll.js';
import type { SketchOptions } from './options.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface RangeStats {
  stats: RawStats;
  /** True: end_users and the percentiles are estimates (see src/analytics/README.md). */
  estimated: boolean;
}

type CellRow = {
  day: number;
  chats: string | null;
  users: Buffer | null;
  bins: number[] | null;
  counts: string[] | null;
  day_chats: string | null;
};

/** The sketch cells of the up-to-date days of [d1, d2) for the filtered value(s); a day with none of them has one row of nulls. */
export function cellsStatement(organizationId: number, dimension: string, values: (string | null)[] | undefined, d1: Date, d2: Date): SQL {
  return sql`
    SELECT ${epochMs(sql.raw('b.day'))} AS day, s.chats, s.users, s.response_time_bins AS bins, s.response_time_counts AS counts,
      (SELECT a.chats FROM chat_day_sketches a WHERE a.organization_id = b.organization_id AND a.dimension = 'all' AND a.day = b.day) AS day_chats
    FROM chat_day_sketch_builds b
    JOIN chat_day_versions v ON v.organization_id = b.organization_id AND v.day = b.day
    LEFT JOIN (
      SELECT date_trunc('day', p.bucket, 'UTC') AS day, count(*) AS n FROM chat_rollup_pending p
      WHERE p.organization_id = ${organizationId} AND p.bucket >= ${ts(d1)} AND p.bucket < ${ts(d2)} GROUP BY 1
    ) p ON p.day = b.day
    LEFT JOIN chat_day_sketches s ON s.organization_id = b.organization_id AND s.day = b.day AND s.dimension = ${dimension}
      ${valueCondition(sql.raw('s.value'), values)}
    WHERE b.organization_id = ${organizationId} AND b.day >= ${ts(d1)} AND b.day < ${ts(d2)} AND b.version = v.version + coalesce(p.n, 0)`;
}

const { reg, rho } = registerSql('chats.user_id');

/**
 * Registers and bins of the matching chats rows in the spans: one index range scan per span (an OR
 * of spans became a bitmap heap scan, five times slower on a busy day's rows).
 */
export function rowsStatement(organizationId: number, filters: ChatFilters, spans: Span[]): SQL {
  const where = chatFilterSql(organizationId, { ...filters, from: undefined, to: undefined });
  const perSpan = spans.map(
    (span) => sql`
      SELECT ${sql.raw(reg)} AS reg, ${sql.raw(rho)} AS rho, ${sql.raw(binSql('chats.avg_response_time'))} AS bin, chats.user_id
      FROM chats WHERE ${where} AND chats.created_at >= ${ts(span.from)} AND chats.created_at < ${ts(span.to)}`,
  );
  return sql`
    SELECT GROUPING(h.reg, h.bin) AS g, h.reg, h.bin, max(h.rho) AS rho, count(*)::int AS n, count(h.user_id)::int AS users
    FROM (${sql.join(perSpan, sql` UNION ALL `)}) h
    GROUP BY GROUPING SETS ((h.reg), (h.bin))`;
}

/** The valid hour sketches ('all' only) of the whole hours in `spans`. */
export function hourCellsStatement(organizationId: number, spans: Span[]): SQL {
  const inHours = (column: string) => inSpans(sql.raw(column), spans);
  return sql`
    SELECT ${epochMs(sql.raw('s.hour'))} AS day, s.chats, s.users, s.response_time_bins AS bins, s.response_time_counts AS counts, s.chats AS day_chats
    FROM chat_hour_sketches s
    JOIN chat_hour_versions v ON v.organization_id = s.organization_id AND v.hour = s.hour
    LEFT JOIN (
      SELECT p.bucket, count(*) AS n FROM chat_rollup_pending p WHERE p.organization_id = ${organizationId} AND (${inHours('p.bucket')}) GROUP BY 1
    ) p ON p.bucket = s.hour
    WHERE s.organization_id = ${organizationId} AND (${inHours('s.hour')}) AND s.version = v.version + coalesce(p.n, 0)`;
}

/** The whole UTC hours of [a, b), as a span (null when there are none). */
function wholeHours(a: number, b: number): Span | null {
  const [h1, h2] = [Math.ceil(a / HOUR_MS) * HOUR_MS, Math.floor(b / HOUR_MS) * HOUR_MS];
  return h1 < h2 ? { from: new Date(h1), to: new Date(h2) } : null;
}

/** [from, to) less the covered days and hours, as few spans as possible. */
function uncovered(from: Date, to: Date, d1: number, d2: number, days: Set<number>, hours: Set<number>): Span[] {
  const spans: Span[] = [];
  const add = (a: number, b: number) => {
    if (a >= b) return;
    const last = spans[spans.length - 1];
    if (last && last.to.getTime() === a) last.to = new Date(b);
    else spans.push({ from: new Date(a), to: new Date(b) });
  };
  const edge = (a: number, b: number) => {
    const whole = wholeHours(a, b);
    if (!whole) return add(a, b);
    add(a, whole.from.getTime());
    for (let h = whole.from.getTime(); h < whole.to.getTime(); h += HOUR_MS) if (!hours.has(h)) add(h, h + HOUR_MS);
    add(whole.to.getTime(), b);
  };
  edge(from.getTime(), d1);
  for (let d = d1; d < d2; d += DAY_MS) if (!days.has(d)) add(d, d + DAY_MS);
  edge(d2, to.getTime());
  return spans;
}

export async function rangeStats(db: Db, organizationId: number, filters: ChatFilters, from: Date, to: Date, options: Pick<SketchOptions, 'exactMaxChats'>): Promise<RangeStats> {
  const exact = async (): Promise<RangeStats> => ({
    stats: (await rawStats(db, { organizationId, from, to, filters, grouping: {} }))[0] ?? EMPTY_RAW,
    estimated: false,
  });
  // The cells are per field and value, as the daily rollups: the filters must be one field's values.
  const choice = chooseRollup(filters);
  const d1 = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const d2 = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  if (!choice || d1 >= d2) return exact();

  // The edges' whole hours from hour sketches, which hold all chats: unfiltered summaries only.
  const edgeHours = choice.dimension === 'all' ? [wholeHours(from.getTime(), d1), wholeHours(d2, to.getTime())].filter((x): x is Span => x !== null) : [];
  const [{ rows: cells }, { rows: hourCells }] = await Promise.all([
    db.execute<CellRow>(cellsStatement(organizationId, choice.dimension, choice.values, new Date(d1), new Date(d2))),
    edgeHours.length ? db.execute<CellRow>(hourCellsStatement(organizationId, edgeHours)) : { rows: [] as CellRow[] },
  ]);
  // What the exact count would read is the range's chats, whatever the filter keeps (a filter on
  // sentiment or a tag does not narrow the scan of the range's rows; at 10M chats a filtered exact
  // summary took 5 to 6 s): the threshold is on all chats of the sketched days.
  const days = new Map(cells.map((c) => [Number(c.day), Number(c.day_chats ?? 0)]));
  const sketchedChats = [...days.values(), ...hourCells.map((c) => Number(c.chats))].reduce((s, n) => s + n, 0);
  if (sketchedChats < options.exactMaxChats) return exact();

  const registers = new Uint8Array(HLL_REGISTERS);
  const histogram: Histogram = new Map();
  for (const cell of [...cells, ...hourCells]) {
    if (cell.users) mergeEncoded(registers, cell.users);
    if (cell.bins && cell.counts) addBins(histogram, cell.bins, cell.counts.map(Number));
  }
  const spans = uncovered(from, to, d1, d2, new Set(days.keys()), new Set(hourCells.map((c) => Number(c.day))));
  if (spans.length > 0) {
    const { rows } = await db.execute<{ g: number; reg: number | null; bin: number | null; rho: number | null; n: number; users: number }>(
      rowsStatement(organizationId, filters, spans),
    );
    for (const r of rows) {
      if (Number(r.g) === 1 && r.users > 0 && r.reg !== null) mergeRegister(registers, r.reg, Number(r.rho));
      if (Number(r.g) === 2 && r.bin !== null) addBins(histogram, [r.bin], [r.n]);
    }
  }
  return {
    stats: { end_users: estimateDistinct(registers), p50_response_time: quantile(histogram, 0.5), p90_response_time: quantile(histogram, 0.9) },
    estimated: true,
  };
}
