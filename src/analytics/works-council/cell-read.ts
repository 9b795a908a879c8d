// Reading works-council cells (guard.ts) from the database for the cache (cell-cache.ts): the
// versions of a range of UTC days, and the cells of a run of days.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { valueAsText } from '../../fields/chat-fields.js';
import { PLAIN_DIMENSIONS, type Cell } from './guard.js';

/** Days read by one statement: a cold read of the 800-day window is many short statements, each far inside the statement timeout. */
const READ_DAYS = 32;
const DAY_SQL = 'floor(extract(epoch FROM c.created_at) / 86400)::int';

/** UTC day numbers [from, to). */
export interface Window {
  from: number;
  to: number;
}

/**
 * One copy of each string, values record and tag list an organization's cells hold: most cells
 * repeat them (85 MB per million cells instead of 230 MB).
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly values = new Map<string, Cell['values']>();
  private readonly tags = new Map<string, string[]>();

  intern(s: string): string {
    return this.strings.get(s) ?? (this.strings.set(s, s), s);
  }

  /** The values record of a chat ([user, ...values, tags]), shared by every cell with the same values. */
  valuesOf(key: string, chat: (string | string[] | null)[]): Cell['values'] {
    let values = this.values.get(key);
    if (!values) {
      values = {} as Cell['values'];
      PLAIN_DIMENSIONS.forEach((d, i) => (values![d] = chat[i + 1] === null ? null : this.intern(chat[i + 1] as string)));
      this.values.set(key, values);
    }
    return values;
  }

  tagsOf(key: string, tags: string[]): string[] {
    return this.tags.get(key) ?? (this.tags.set(key, tags.map((t) => this.intern(t))), this.tags.get(key)!);
  }

  /**
   * Forgets the copies when they outnumber the `cells` held (values of days that left the window
   * or were read again): the cells keep theirs, new ones start afresh.
   */
  trim(cells: number) {
    if (this.strings.size + this.values.size + this.tags.size <= 2 * cells + 10_000) return;
    this.strings.clear();
    this.values.clear();
    this.tags.clear();
  }
}

/**
 * The version of each day of [w.from, w.to), as text (a bigint), in day order; '0' for a day
 * nothing was ever written to.
 */
export async function dayVersions(db: Db, organizationId: number, w: Window): Promise<string[]> {
  const from = new Date(w.from * 86_400_000).toISOString();
  const to = new Date(w.to * 86_400_000).toISOString();
  const { rows } = await db.execute<{ day: number; version: string }>(sql`
    SELECT d.day, (coalesce(v.version, 0) + coalesce(p.n, 0))::text AS version
    FROM generate_series(${w.from}::int, ${w.to - 1}::int) AS d(day)
    LEFT JOIN chat_day_versions v ON v.organization_id = ${organizationId} AND v.day = to_timestamp(d.day * 86400::bigint)
    LEFT JOIN (
      SELECT floor(extract(epoch FROM p.bucket) / 86400)::int AS day, count(*) AS n FROM chat_rollup_pending p
      WHERE p.organization_id = ${organizationId} AND p.bucket >= ${from}::timestamptz AND p.bucket < ${to}::timestamptz
      GROUP BY 1
    ) p ON p.day = d.day
    ORDER BY d.day`);
  return rows.map((r) => String(r.version));
}

/**
 * The cells of the days [from, to), by day. One JSON text per day, a chat per element, grouped
 * into cells here: a row per cell took 7.8 s for 1M chats (most of it in the driver), grouping in
 * SQL 9.5 s; this takes ~3 s. Field values and tags are shared (SharedValues).
 */
export async function readDays(db: Db, organizationId: number, from: number, to: number, shared: SharedValues): Promise<Map<number, Cell[]>> {
  const columns = PLAIN_DIMENSIONS.map((d) => valueAsText(d, 'c')).join(', ');
  const { rows } = await db.execute<{ day: number; chats: string }>(sql`
    SELECT ${sql.raw(DAY_SQL)} AS day, '[' || string_agg(json_build_array(c.user_id::text, ${sql.raw(columns)}, c.tags)::text, ',') || ']' AS chats
    FROM chats c
    WHERE c.organization_id = ${organizationId} AND c.created_at >= ${new Date(from * 86_400_000).toISOString()}::timestamptz
      AND c.created_at < ${new Date(to * 86_400_000).toISOString()}::timestamptz
    GROUP BY 1`);
  const tagsAt = PLAIN_DIMENSIONS.length + 1;
  const out = new Map<number, Cell[]>();
  for (const row of rows) {
    const day = Number(row.day);
    const cells = new Map<string, Cell>();
    // Each chat: [user, ...the fields' values, tags]. Keys join with NUL, which no text value holds.
    for (const chat of JSON.parse(row.chats) as (string | string[] | null)[][]) {
      let valuesKey = '';
      for (let i = 1; i < tagsAt; i++) valuesKey += chat[i] === null ? '\u0000-' : `\u0000=${chat[i]}`;
      const tags = [...new Set(chat[tagsAt] as string[])];
      const tagsKey = `${tags.length}\u0000${tags.join('\u0000')}`;
      const user = (chat[0] as string | null) ?? '';
      const key = `${user}\u0000${valuesKey}\u0000\u0000${tagsKey}`;
      const cell = cells.get(key);
      if (cell) cell.n++;
      else cells.set(key, { day, user: shared.intern(user), n: 1, values: shared.valuesOf(valuesKey, chat), tags: shared.tagsOf(tagsKey, tags) });
    }
    out.set(day, [...cells.values()]);
  }
  return out;
}

/** Runs of consecutive days, each at most READ_DAYS long. */
export function runsOf(days: number[]): Window[] {
  const runs: Window[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last.to === day && last.to - last.from < READ_DAYS) last.to++;
    else runs.push({ from: day, to: day + 1 });
  }
  return runs;
}
