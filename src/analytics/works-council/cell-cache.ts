// The works-council guard's cells of an organization's window (council.ts), kept in this process
// between requests, one UTC day at a time. Reading a large organization's whole window on every
// request took 8-9 s (1M chats, 800 days: npm run bench:works-council); a day is now read again
// only when its version moved.
//
// A day's version is chat_day_versions' count plus the day's rows still pending (see
// chat_rollups_fold: the fold moves a row from one to the other in one transaction). Every write
// that changes a cell moves it: a chat added, deleted or moved to another day, a change of a
// rolled-up field or of its tags (their sums change), a change of user_id (the trigger appends a
// row of zero sums for it). Versions only grow, and a day's version is read before its cells: a
// day cached at version v whose version is still v has not changed since its cells were read. (A
// write between the two reads leaves the day cached at the older version: it is read again next
// time, never kept stale.)
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { valueAsText } from '../../fields/chat-fields.js';
import { PLAIN_DIMENSIONS, type Cell } from './guard.js';

/** Days read by one statement: a cold read of the 800-day window is many short statements, each far inside the statement timeout. */
const READ_DAYS = 32;
const DAY_SQL = 'floor(extract(epoch FROM c.created_at) / 86400)::int';
/** The tags of every cell without tags (one array: a cell is held for a long time). */
const NO_TAGS: string[] = [];

export const DEFAULT_CACHED_CELLS = 2_000_000;

export interface Window {
  from: number;
  to: number;
}

interface CachedDay {
  version: string;
  cells: Cell[];
}

interface OrganizationCells {
  days: Map<number, CachedDay>;
  size: number;
  /** One copy of each string the cells hold (field values, end users): most cells repeat them. */
  strings: Map<string, string>;
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
    LEFT JOIN chat_day_versions v ON v.organization_id = ${organizationId} AND v.day = to_timestamp(d.day * 86400)
    LEFT JOIN (
      SELECT floor(extract(epoch FROM p.bucket) / 86400)::int AS day, count(*) AS n FROM chat_rollup_pending p
      WHERE p.organization_id = ${organizationId} AND p.bucket >= ${from}::timestamptz AND p.bucket < ${to}::timestamptz
      GROUP BY 1
    ) p ON p.day = d.day
    ORDER BY d.day`);
  return rows.map((r) => String(r.version));
}

/**
 * The cells of the days [from, to), by day: one JSON text per day (a row per day is a fifth of the
 * time of a row per cell: 2.3 s against 7.8 s for 1M chats, most of it in the driver).
 */
async function readDays(db: Db, organizationId: number, from: number, to: number, strings: Map<string, string>): Promise<Map<number, Cell[]>> {
  const values = PLAIN_DIMENSIONS.map((d) => `${valueAsText(d, 'c')} AS ${d}`).join(', ');
  const { rows } = await db.execute<{ day: number; cells: string }>(sql`
    SELECT g.day, '[' || string_agg(json_build_array(g.n, g.u, ${sql.raw(PLAIN_DIMENSIONS.map((d) => `g.${d}`).join(', '))}, g.tags)::text, ',') || ']' AS cells
    FROM (
      SELECT ${sql.raw(DAY_SQL)} AS day, c.user_id::text AS u, ${sql.raw(values)}, c.tags, count(*)::int AS n
      FROM chats c
      WHERE c.organization_id = ${organizationId} AND c.created_at >= ${new Date(from * 86_400_000).toISOString()}::timestamptz
        AND c.created_at < ${new Date(to * 86_400_000).toISOString()}::timestamptz
      GROUP BY ${sql.raw(Array.from({ length: PLAIN_DIMENSIONS.length + 3 }, (_, i) => i + 1).join(', '))}
    ) g
    GROUP BY g.day`);
  const intern = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
  const tagsAt = PLAIN_DIMENSIONS.length + 2;
  const out = new Map<number, Cell[]>();
  for (const row of rows) {
    const day = Number(row.day);
    // [n, user, ...the fields' values, tags]
    const parsed = JSON.parse(row.cells) as (number | string | string[] | null)[][];
    out.set(
      day,
      parsed.map((cell) => {
        const user = cell[1] as string | null;
        const tags = cell[tagsAt] as string[];
        const values = {} as Record<string, string | null>;
        PLAIN_DIMENSIONS.forEach((d, i) => {
          const v = cell[i + 2] as string | null;
          values[d] = v === null ? null : intern(v);
        });
        return {
          day,
          user: user === null ? '' : intern(user),
          n: cell[0] as number,
          values: values as Cell['values'],
          tags: tags.length === 0 ? NO_TAGS : [...new Set(tags)].map(intern),
        };
      }),
    );
  }
  return out;
}

/** Runs of consecutive days, each at most READ_DAYS long. */
function runsOf(days: number[]): Window[] {
  const runs: Window[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last.to === day && last.to - last.from < READ_DAYS) last.to++;
    else runs.push({ from: day, to: day + 1 });
  }
  return runs;
}

/**
 * The cells of the organizations asked about last, up to `maxCells` in all (an organization
 * whose window alone holds more is read whole on each request and not kept).
 */
export class CouncilCellCache {
  /** Least recently asked first. */
  private readonly organizations = new Map<number, OrganizationCells>();
  private size = 0;
  /** Days read from the chats rows so far (what the cache saves is what this does not count). */
  daysRead = 0;

  constructor(private readonly maxCells = DEFAULT_CACHED_CELLS) {}

  /** Cells held now (for tests and the benchmark). */
  get heldCells(): number {
    return this.size;
  }

  /** The organization's cells of the window, in day order. */
  async window(db: Db, organizationId: number, w: Window): Promise<Cell[]> {
    const versions = await dayVersions(db, organizationId, w);
    const org = this.organizations.get(organizationId) ?? { days: new Map(), size: 0, strings: new Map() };
    this.organizations.delete(organizationId);
    this.organizations.set(organizationId, org);
    for (const day of org.days.keys()) if (day < w.from || day >= w.to) this.forget(org, day);
    const stale: number[] = [];
    for (let day = w.from; day < w.to; day++) if (org.days.get(day)?.version !== versions[day - w.from]) stale.push(day);
    for (const run of runsOf(stale)) {
      const read = await readDays(db, organizationId, run.from, run.to, org.strings);
      this.daysRead += run.to - run.from;
      for (let day = run.from; day < run.to; day++) {
        this.forget(org, day);
        const cells = read.get(day) ?? [];
        org.days.set(day, { version: versions[day - w.from], cells });
        org.size += cells.length;
        this.size += cells.length;
      }
    }
    const cells: Cell[] = [];
    for (let day = w.from; day < w.to; day++) for (const cell of org.days.get(day)!.cells) cells.push(cell);
    this.evict(organizationId);
    return cells;
  }

  private forget(org: OrganizationCells, day: number) {
    const cached = org.days.get(day);
    if (!cached) return;
    org.days.delete(day);
    org.size -= cached.cells.length;
    this.size -= cached.cells.length;
  }

  /** Drops the least recently asked organizations until the cells fit; the one just asked last. */
  private evict(current: number) {
    for (const [id, org] of this.organizations) {
      if (this.size <= this.maxCells) return;
      if (id === current) continue;
      this.drop(id, org);
    }
    if (this.size > this.maxCells) this.drop(current, this.organizations.get(current)!);
  }

  private drop(id: number, org: OrganizationCells) {
    this.organizations.delete(id);
    this.size -= org.size;
  }
}
