// Building a day's sketches from its chats rows: one cell per rolled-up field and value (and one for
// all chats), each with the HyperLogLog registers of its end users and the log histogram of its
// response times. The version of the day is read in the same statement as the rows, so a build
// is known to describe the day exactly as it was at that version (see chat_day_versions).
import type pg from 'pg';
import { binSql } from './histogram.js';
import { encodeRegisters, registerSql } from './hll.js';
import type { SketchOptions } from './options.js';

type Runner = pg.Pool | pg.PoolClient;

type SketchBuildOptions = Pick<SketchOptions, 'minDayChats'>;

const DAY_MS = 86_400_000;
const { reg, rho } = registerSql('c.user_id');

// Each chat once per cell it belongs to: 'all', each single-valued field, and each tag (NULL: none).
const CELLS_SQL = `
  WITH day_chats AS (
    SELECT c.* FROM chats c WHERE c.organization_id = $1 AND c.created_at >= $2::timestamptz AND c.created_at < $2::timestamptz + interval '1 day'
  ), points AS (
    SELECT x.dimension, x.value, ${reg} AS reg, ${rho} AS rho, ${binSql('c.avg_response_time')} AS bin, c.user_id
    FROM day_chats c CROSS JOIN LATERAL (VALUES
      ('all', NULL::text), ('question_category', c.question_category), ('sentiment', c.sentiment),
      ('country_code', c.country_code), ('language_code', c.language_code), ('user_rating', c.user_rating::text),
      ('is_escalated', c.is_escalated::text), ('is_forwarded_to_hr', c.is_forwarded_to_hr::text)) AS x(dimension, value)
    UNION ALL
    SELECT 'tag', t.tag, ${reg}, ${rho}, ${binSql('c.avg_response_time')}, c.user_id
    FROM day_chats c CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS t(tag)
  ), grouped AS (
    SELECT p.dimension, p.value, p.reg, p.bin, GROUPING(p.reg, p.bin) AS g, count(*)::int AS n, max(p.rho) AS rho,
      count(p.user_id) AS users
    FROM points p GROUP BY GROUPING SETS ((p.dimension, p.value), (p.dimension, p.value, p.reg), (p.dimension, p.value, p.bin))
  )
  SELECT g.dimension, g.value,
    max(g.n) FILTER (WHERE g.g = 3) AS chats,
    coalesce(array_agg(g.reg ORDER BY g.reg) FILTER (WHERE g.g = 1 AND g.users > 0), '{}') AS regs,
    coalesce(array_agg(g.rho ORDER BY g.reg) FILTER (WHERE g.g = 1 AND g.users > 0), '{}') AS rhos,
    coalesce(array_agg(g.bin ORDER BY g.bin) FILTER (WHERE g.g = 2 AND g.bin IS NOT NULL), '{}') AS bins,
    coalesce(array_agg(g.n ORDER BY g.bin) FILTER (WHERE g.g = 2 AND g.bin IS NOT NULL), '{}') AS counts,
    (SELECT coalesce((SELECT v.version FROM chat_day_versions v WHERE v.organization_id = $1 AND v.day = $2::timestamptz), 0)
      + (SELECT count(*) FROM chat_rollup_pending p WHERE p.organization_id = $1 AND p.bucket >= $2::timestamptz AND p.bucket < $2::timestamptz + interval '1 day'))::bigint AS version
  FROM grouped g GROUP BY g.dimension, g.value`;

interface CellRow {
  dimension: string;
  value: string | null;
  chats: number;
  regs: number[];
  rhos: number[];
  bins: number[];
  counts: number[];
  version: string;
}

/**
 * Builds (or drops, when it has fewer than minDayChats chats) the sketches of one organization's
 * UTC day, in one transaction. Returns the number of cells written.
 */
export async function buildDay(pool: pg.Pool, organizationId: number, day: Date, options: SketchBuildOptions): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<CellRow>(CELLS_SQL, [organizationId, day.toISOString()]);
    const all = rows.find((r) => r.dimension === 'all');
    await client.query('DELETE FROM chat_day_sketches WHERE organization_id = $1 AND day = $2', [organizationId, day]);
    if (!all || all.chats < options.minDayChats) {
      await client.query('DELETE FROM chat_day_sketch_builds WHERE organization_id = $1 AND day = $2', [organizationId, day]);
      await client.query('COMMIT');
      return 0;
    }
    await client.query(
      `INSERT INTO chat_day_sketches (organization_id, day, dimension, value, chats, users, response_time_bins, response_time_counts)
       SELECT $1, $2, x.d, x.v, x.n, x.u, x.b::int[], x.c::bigint[]
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bytea[], $7::text[], $8::text[]) AS x(d, v, n, u, b, c)`,
      [
        organizationId,
        day,
        rows.map((r) => r.dimension),
        rows.map((r) => r.value),
        rows.map((r) => r.chats),
        rows.map((r) => encodeRegisters(r.regs, r.rhos)),
        rows.map((r) => `{${r.bins.join(',')}}`),
        rows.map((r) => `{${r.counts.join(',')}}`),
      ],
    );
    await client.query(
      `INSERT INTO chat_day_sketch_builds (organization_id, day, version) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, day) DO UPDATE SET version = excluded.version, built_at = now()`,
      [organizationId, day, all.version],
    );
    await client.query('COMMIT');
    return rows.length;
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
export async function staleDays(db: Runner, options: SketchBuildOptions, limit: number, now = new Date()): Promise<{ organizationId: number; day: Date }[]> {
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
     ORDER BY v.day DESC
     LIMIT $3`,
    [today, options.minDayChats, limit],
  );
  return rows.map((r) => ({ organizationId: Number(r.organization_id), day: r.day }));
}

/** Builds up to `limit` stale days; returns how many it built or dropped. */
export async function buildStaleDays(pool: pg.Pool, options: SketchBuildOptions, limit: number, now = new Date()): Promise<number> {
  const days = await staleDays(pool, options, limit, now);
  for (const { organizationId, day } of days) await buildDay(pool, organizationId, day, options);
  return days.length;
}
