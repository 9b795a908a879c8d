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
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/connection.js';
import { dayVersions, readDays, runsOf, SharedValues, type Window } from './cell-read.js';
import type { Cell } from './guard.js';
import { windowAt } from './window.js';

export const DEFAULT_CACHED_CELLS = 2_000_000;

interface CachedDay {
  version: string;
  cells: Cell[];
}

/** One organization's cached days. */
class OrganizationCells {
  readonly days = new Map<number, CachedDay>();
  size = 0;
  /** The window's cells as last joined: the days it was made of and where each starts in it. */
  joined?: Window & { cells: Cell[]; parts: CachedDay[]; starts: number[] };
  readonly shared = new SharedValues();
}

/**
 * The window's cells in day order, as one array. The last one made is reused up to the first day
 * whose cells changed since (usually only today's, under ingest): a copy of its start and the
 * days after, never a change to an array a request may still hold.
 */
function joined(org: OrganizationCells, w: Window): Cell[] {
  const last = org.joined?.from === w.from && org.joined.to === w.to ? org.joined : undefined;
  let same = 0;
  while (last && same < w.to - w.from && last.parts[same] === org.days.get(w.from + same)) same++;
  if (last && same === w.to - w.from) return last.cells;
  const cells = last ? last.cells.slice(0, last.starts[same]) : [];
  const parts = last ? last.parts.slice(0, same) : [];
  const starts = last ? last.starts.slice(0, same) : [];
  for (let i = parts.length; i < w.to - w.from; i++) {
    const day = org.days.get(w.from + i)!;
    parts.push(day);
    starts.push(cells.length);
    for (const cell of day.cells) cells.push(cell);
  }
  org.joined = { ...w, cells, parts, starts };
  return cells;
}

/**
 * The cells of the organizations asked about last, up to `maxCells` in all (an organization
 * whose window alone holds more is read whole on each request and not kept).
 */
export class CouncilCellCache {
  /** Least recently asked first. */
  private readonly organizations = new Map<number, OrganizationCells>();
  private size = 0;
  /** Each organization's call in progress (see window). */
  private readonly turns = new Map<number, Promise<Cell[]>>();
  /** Days read from the chats rows so far (what the cache saves is what this does not count). */
  daysRead = 0;

  constructor(private readonly maxCells = DEFAULT_CACHED_CELLS) {}

  /** Cells held now (for tests and the benchmark). */
  get heldCells(): number {
    return this.size;
  }

  /**
   * The organization's cells of the window, in day order. One organization's calls run one after
   * another (a request that arrives while the cells are being read waits for them rather than
   * reading them twice); other organizations' are not held up. `waited` is told how long this call
   * waited for the one before it.
   */
  window(db: Db, organizationId: number, w: Window, waited?: (ms: number) => void): Promise<Cell[]> {
    const previous = this.turns.get(organizationId);
    const called = performance.now();
    const turn = (previous ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        if (previous) waited?.(performance.now() - called);
        return this.update(db, organizationId, w);
      });
    this.turns.set(organizationId, turn);
    const done = () => {
      if (this.turns.get(organizationId) === turn) this.turns.delete(organizationId);
    };
    turn.then(done, done);
    return turn;
  }

  /**
   * Reads the organization's window ahead of its requests (at start, and when the mode is turned
   * on: a cold read of a large organization takes seconds, which a request would pay from the
   * organization's analytics time share). A request that comes meanwhile waits for it instead of
   * reading the same days. Failures are logged: the next request reads what is missing.
   */
  async warmUp(db: Db, organizationId: number, log: FastifyBaseLogger): Promise<void> {
    try {
      const started = Date.now();
      const cells = await this.window(db, organizationId, windowAt(new Date()));
      log.info({ organizationId, cells: cells.length, ms: Date.now() - started }, 'works-council cells read ahead');
    } catch (err) {
      log.warn({ err, organizationId }, 'reading works-council cells ahead failed; requests read them when they need them');
    }
  }

  private async update(db: Db, organizationId: number, w: Window): Promise<Cell[]> {
    const versions = await dayVersions(db, organizationId, w);
    const org = this.organizations.get(organizationId) ?? new OrganizationCells();
    this.organizations.delete(organizationId);
    this.organizations.set(organizationId, org);
    for (const day of org.days.keys()) if (day < w.from || day >= w.to) this.forget(org, day);
    const stale: number[] = [];
    for (let day = w.from; day < w.to; day++) if (org.days.get(day)?.version !== versions[day - w.from]) stale.push(day);
    // Two reads at a time: the database builds one run's text while this process parses the other's.
    const runs = runsOf(stale);
    const reader = async () => {
      for (let run = runs.shift(); run; run = runs.shift()) {
        const read = await readDays(db, organizationId, run.from, run.to, org.shared);
        this.daysRead += run.to - run.from;
        for (let day = run.from; day < run.to; day++) {
          this.forget(org, day);
          const cells = read.get(day) ?? [];
          org.days.set(day, { version: versions[day - w.from], cells });
          org.size += cells.length;
          this.size += cells.length;
        }
      }
    };
    await Promise.all([reader(), reader()]);
    org.shared.trim(org.size);
    const cells = joined(org, w);
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
