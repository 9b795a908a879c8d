// Building a day's sketches from its chats rows: one cell per rolled-up field and value (and one for
// all chats), each with the HyperLogLog registers of its end users and the log histogram of its
// response times. The version of the day is read in the same statement as the rows, so a build
// is known to describe the day exactly as it was at that version (see chat_day_versions).
import type pg from 'pg';
import { DIMENSIONS } from '../params.js';
import { binSql } from './histogram.js';
import { registerSql } from './hll.js';
import type { SketchOptions } from './options.js';
import { SketchAccumulator, type SketchPoint } from './sketch.js';

type Runner = pg.Pool | pg.PoolClient;

type SketchBuildOptions = Pick<SketchOptions, 'minDayChats'>;
type StaleOptions = Pick<SketchOptions, 'minDayChats' | 'rebuildAfterMs'>;

const DAY_MS = 86_400_000;
const { reg, rho } = registerSql('c.user_id');
// The single-valued rolled-up fields: a cell per value of each (a column of the same name).
const FIELDS = DIMENSIONS.filter((d) => d !== 'tag');

// Each chat of the day with its register, register value and bin; the cells are made in JS. (One
// GROUP BY per cell and register in SQL took 2 s for a day of 40,000 chats; this takes a tenth.)
// The day's version is read in the same statement, so the build is known to be of that version.
const DAY_CHATS_SQL = `
  SELECT CASE WHEN c.user_id IS NULL THEN -1 ELSE ${reg} END AS reg, ${rho} AS rho, ${binSql('c.avg_response_time')} AS bin,
    ${FIELDS.map((f) => `c.${f}::text AS ${f}`).join(', ')}, c.tags,
    (SELECT coalesce((SELECT v.version FROM chat_day_versions v WHERE v.organization_id = $1 AND v.day = $2::timestamptz), 0)
      + (SELECT count(*) FROM chat_rollup_pending p WHERE p.organization_id = $1 AND p.bucket >= $2::timestamptz AND p.bucket < $2::timestamptz + interval '1 day'))::text AS version
  FROM chats c WHERE c.organization_id = $1 AND c.created_at >= $2::timestamptz AND c.created_at < $2::timestamptz + interval '1 day'`;

type DayChat = SketchPoint & { tags: string[]; version: string } & Record<(typeof FIELDS)[number], string | null>;

interface Cell {
  dimension: string;
  value: string | null;
  sketch: SketchAccumulator;
}

/** The day's cells: 'all', one per value of each field, one per tag (NULL: no tags). */
function cellsOf(chats: DayChat[]): Cell[] {
  const cells = new Map<string, Cell>();
  const add = (dimension: string, value: string | null, chat: DayChat) => {
    const key = `${dimension}\u0000${value ?? '\u0001'}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { dimension, value, sketch: new SketchAccumulator() }));
    cell.sketch.add(chat);
  };
  for (const chat of chats) {
    add('all', null, chat);
    for (const field of FIELDS) add(field, chat[field], chat);
    if (chat.tags.length === 0) add('tag', null, chat);
    for (const tag of new Set(chat.tags)) add('tag', tag, chat);
  }
  return [...cells.values()];
}

/**
 * Builds (or drops, when it has fewer than minDayChats chats) the sketches of one organization's
 * UTC day, in one transaction. Returns the number of cells written.
 */
export async function buildDay(pool: pg.Pool, organizationId: number, day: Date, options: SketchBuildOptions): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<DayChat>(DAY_CHATS_SQL, [organizationId, day.toISOString()]);
    await client.query('DELETE FROM chat_day_sketches WHERE organization_id = $1 AND day = $2', [organizationId, day]);
    if (rows.length < options.minDayChats) {
      await client.query('DELETE FROM chat_day_sketch_builds WHERE organization_id = $1 AND day = $2', [organizationId, day]);
      await client.query('COMMIT');
      return 0;
    }
    const cells = cellsOf(rows);
    const stored = cells.map((c) => c.sketch.stored());
    await client.query(
      `INSERT INTO chat_day_sketches (organization_id, day, dimension, value, chats, users, response_time_bins, response_time_counts)
       SELECT $1, $2, x.d, x.v, x.n, x.u, x.b::int[], x.c::bigint[]
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bytea[], $7::text[], $8::text[]) AS x(d, v, n, u, b, c)`,
      [
        organizationId,
        day,
        cells.map((c) => c.dimension),
        cells.map((c) => c.value),
        cells.map((c) => c.sketch.chats),
        stored.map((x) => x.users),
        stored.map((x) => `{${x.bins.join(',')}}`),
        stored.map((x) => `{${x.counts.join(',')}}`),
      ],
    );
    await client.query(
      `INSERT INTO chat_day_sketch_builds (organization_id, day, version) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, day) DO UPDATE SET version = excluded.version, built_at = now()`,
      [organizationId, day, rows[0].version],
    );
    await client.query('COMMIT');
    return cells.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * The days whose sketches are missing or out of date (their version moved since the build), ended
 * days only: today changes all the time, and a read takes it from the chats rows anyway. Newest first.
 */
export async function staleDays(db: Runner, options: StaleOptions, limit: number, now = new Date()): Promise<{ organizationId: number; day: Date }[]> {
  const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const { rows } = await db.query<{ organization_id: string; day: Date }>(
    `SELECT v.organization_id, v.day
     FROM chat_day_versions v
     LEFT JOIN (SELECT p.organization_id, date_trunc('day', p.bucket, 'UTC') AS day, count(*) AS n FROM chat_rollup_pending p GROUP BY 1, 2) p
       ON p.organization_id = v.organization_id AND p.day = v.day
     LEFT JOIN chat_day_sketch_builds b ON b.organization_id = v.organization_id AND b.day = v.day
     LEFT JOIN chat_daily_rollups d ON d.organization_id = v.organization_id AND d.dimension = 'all' AND d.value IS NULL AND d.bucket = v.day
     WHERE v.day < $1 AND b.version IS DISTINCT FROM v.version + coalesce(p.n, 0)
       AND (b.day IS NOT NULL OR coalesce(d.chats, 0) >= $2)
       AND (b.built_at IS NULL OR b.built_at <= $4)
     ORDER BY v.day DESC
     LIMIT $3`,
    [today, options.minDayChats, limit, new Date(now.getTime() - options.rebuildAfterMs)],
  );
  return rows.map((r) => ({ organizationId: Number(r.organization_id), day: r.day }));
}

/** Builds up to `limit` stale days; returns how many it built or dropped. */
export async function buildStaleDays(pool: pg.Pool, options: StaleOptions, limit: number, now = new Date()): Promise<number> {
  const days = await staleDays(pool, options, limit, now);
  for (const { organizationId, day } of days) await buildDay(pool, organizationId, day, options);
  return days.length;
}
