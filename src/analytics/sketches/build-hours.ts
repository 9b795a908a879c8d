// Building an hour's sketch (dimension 'all' only): what lets the partial days at the edges of a
// range (today so far, the evening a 30-day range starts in) come from sketches, leaving only the
// partial hours to the chats rows. As for days (build.ts), the hour's version is read in the same
// statement as its rows; an hour is built once it has ended, and again when its version moves.
import type pg from 'pg';
import { binSql } from './histogram.js';
import { registerSql } from './hll.js';
import type { SketchOptions } from './options.js';
import { SketchAccumulator, type SketchPoint } from './sketch.js';

const HOUR_MS = 3_600_000;
const { reg, rho } = registerSql('c.user_id');

type HourOptions = Pick<SketchOptions, 'minDayChats' | 'rebuildAfterMs'>;
/** An hour gets a sketch from a 24th of the chats a day needs. */
export const minHourChats = (options: Pick<SketchOptions, 'minDayChats'>) => Math.max(1, Math.ceil(options.minDayChats / 24));

const HOUR_CHATS_SQL = `
  SELECT CASE WHEN c.user_id IS NULL THEN -1 ELSE ${reg} END AS reg, ${rho} AS rho, ${binSql('c.avg_response_time')} AS bin,
    (SELECT coalesce((SELECT v.version FROM chat_hour_versions v WHERE v.organization_id = $1 AND v.hour = $2::timestamptz), 0)
      + (SELECT count(*) FROM chat_rollup_pending p WHERE p.organization_id = $1 AND p.bucket = $2::timestamptz))::text AS version
  FROM chats c WHERE c.organization_id = $1 AND c.created_at >= $2::timestamptz AND c.created_at < $2::timestamptz + interval '1 hour'`;

/** Builds (or drops, below minHourChats) one organization's sketch of a UTC hour. */
export async function buildHour(pool: pg.Pool, organizationId: number, hour: Date, options: Pick<SketchOptions, 'minDayChats'>): Promise<void> {
  const { rows } = await pool.query<SketchPoint & { version: string }>(HOUR_CHATS_SQL, [organizationId, hour.toISOString()]);
  if (rows.length < minHourChats(options)) {
    await pool.query('DELETE FROM chat_hour_sketches WHERE organization_id = $1 AND hour = $2', [organizationId, hour]);
    return;
  }
  const sketch = new SketchAccumulator();
  for (const row of rows) sketch.add(row);
  const { users, bins, counts } = sketch.stored();
  await pool.query(
    `INSERT INTO chat_hour_sketches (organization_id, hour, version, chats, users, response_time_bins, response_time_counts)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organization_id, hour) DO UPDATE SET version = excluded.version, built_at = now(), chats = excluded.chats,
       users = excluded.users, response_time_bins = excluded.response_time_bins, response_time_counts = excluded.response_time_counts`,
    [organizationId, hour, rows[0].version, sketch.chats, users, bins, counts],
  );
}

/** The ended hours whose sketch is missing or out of date, newest first. */
export async function staleHours(pool: pg.Pool, options: HourOptions, limit: number, now = new Date()): Promise<{ organizationId: number; hour: Date }[]> {
  const thisHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const { rows } = await pool.query<{ organization_id: string; hour: Date }>(
    `SELECT v.organization_id, v.hour
     FROM chat_hour_versions v
     LEFT JOIN (SELECT p.organization_id, p.bucket, count(*) AS n FROM chat_rollup_pending p GROUP BY 1, 2) p
       ON p.organization_id = v.organization_id AND p.bucket = v.hour
     LEFT JOIN chat_hour_sketches s ON s.organization_id = v.organization_id AND s.hour = v.hour
     LEFT JOIN chat_rollups r ON r.organization_id = v.organization_id AND r.dimension = 'all' AND r.value IS NULL AND r.bucket = v.hour
     WHERE v.hour < $1 AND s.version IS DISTINCT FROM v.version + coalesce(p.n, 0)
       AND (s.hour IS NOT NULL OR coalesce(r.chats, 0) >= $2)
       AND (s.built_at IS NULL OR s.built_at <= $4)
     ORDER BY v.hour DESC
     LIMIT $3`,
    [thisHour, minHourChats(options), limit, new Date(now.getTime() - options.rebuildAfterMs)],
  );
  return rows.map((r) => ({ organizationId: Number(r.organization_id), hour: r.hour }));
}

/** Builds up to `limit` stale hours; returns how many it built or dropped. */
export async function buildStaleHours(pool: pg.Pool, options: HourOptions, limit: number, now = new Date()): Promise<number> {
  const hours = await staleHours(pool, options, limit, now);
  for (const { organizationId, hour } of hours) await buildHour(pool, organizationId, hour, options);
  return hours.length;
}
