// Time zones: names are checked against the database's own list (it does the bucketing), and
// wall-clock dates are turned into instants with the zone's offset on that day.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { badRequest } from '../http/errors.js';

let zoneNames: Promise<Set<string>> | undefined;
const nodeZones = new Map<string, boolean>();

/** Whether Node (its ICU data) can compute offsets in the zone: not so for "Factory" or "posix/...". */
function nodeKnows(tz: string): boolean {
  let known = nodeZones.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).format(0);
      known = true;
    } catch {
      known = false;
    }
    if (nodeZones.size < 10_000) nodeZones.set(tz, known);
  }
  return known;
}

/**
 * A zone is accepted when both the database (which buckets the rows) and Node (which turns dates
 * into instants and writes offsets) know it; any other name is a 400 naming tz.
 */
export async function assertTimeZone(db: Db, tz: string): Promise<void> {
  if (!nodeKnows(tz)) {
    throw badRequest(`tz must be an IANA time zone name such as "Europe/Amsterdam" or "UTC", got "${tz}"`, 'tz');
  }
  zoneNames ??= db
    .execute<{ name: string }>(sql`SELECT name FROM pg_timezone_names`)
    .then(({ rows }) => new Set(rows.map((r) => r.name)))
    .catch((err) => {
      zoneNames = undefined; // try again on the next request
      throw err;
    });
  if (!(await zoneNames).has(tz)) {
    throw badRequest(`tz must be an IANA time zone name such as "Europe/Amsterdam" or "UTC", got "${tz}"`, 'tz');
  }
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (e.g. 330 for Asia/Kolkata). */
export function offsetMinutes(tz: string, at: Date): number {
  let format = offsetFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
    offsetFormats.set(tz, format);
  }
  const name = format
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT", "GMT+05:30", "GMT-03:30"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Midnight of a calendar date ("2026-03-29") in the zone, as an instant. */
export function zonedMidnight(date: string, tz: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guess can differ from the offset at the answer across a DST change: look twice.
  let instant = asUtc - offsetMinutes(tz, new Date(asUtc)) * 60_000;
  instant = asUtc - offsetMinutes(tz, new Date(instant)) * 60_000;
  return new Date(instant);
}

/** "2026-03-29T00:00:00+01:00": the instant as the zone's wall clock with its offset. */
export function formatInZone(at: Date, tz: string): string {
  const offset = offsetMinutes(tz, at);
  const wall = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
