// Works-council mode for one request: the organization's k, the chats (or messages) of the window
// as cells for the guard, and what such a request may ask. In the mode a range is snapped to whole
// UTC days (from down, to up; tz is UTC), lies in the window of the last WINDOW_DAYS days, and
// takes at most MAX_FILTERS filters, each one value of a field; filters that select a person or
// free text (user_id, session_id, q) and rating ranges are refused with a 400 that says why.
import { sql } from 'drizzle-orm';
import { BOOLEAN_FILTER_FIELDS, camel, EXACT_FILTER_FIELDS, fieldSpec, LIST_FILTER_FIELDS, valueAsText } from '../../fields/chat-fields.js';
import type { ChatFilters } from '../../chats/filters.js';
import type { Db } from '../../db/connection.js';
import { HttpError } from '../../http/errors.js';
import { findSettings } from '../../privacy/repository.js';
import type { AppDeps } from '../../http/context.js';
import { analyticsDb } from '../connection.js';
import type { Range } from '../params.js';
import { WINDOW_DAYS, windowAt } from './window.js';
import { Guard, PLAIN_DIMENSIONS, type Cell, type Condition, type FigureSet, type PlainDimension } from './guard.js';

export { WINDOW_DAYS };
// The guard checks sets of up to MAX_FILTERS + 2 conditions (a what-changed segment, a breakdown
// group): raise MAX_SET_CONDITIONS in guard.ts with it.
export const MAX_FILTERS = 3;
const DAY_MS = 86_400_000;

export const refused = (message: string, field: string) => new HttpError(400, 'works_council', message, field);

export interface Council {
  k: number;
  /** The window's chats, grouped (from the cache of cells, when first needed in a request). */
  chats: () => Promise<Guard>;
  /** The messages of the days [from, to) (and the nearest days with messages before and after), by day and end user (GET /api/v1/analytics/messages). */
  messages: (days: { from: number; to: number }) => Promise<Guard>;
  window: { from: number; to: number };
  /** Ms this request spent waiting for another read of the cells (a read ahead): not charged to its time share. */
  waitedMs: () => number;
}

const dayOf = (d: Date) => Math.floor(d.getTime() / DAY_MS);
export const dateOfDay = (day: number) => new Date(day * DAY_MS);

/** The council of a request, or null when the organization's works-council mode is off. */
export async function councilFor(deps: Pick<AppDeps, 'pools' | 'councilCells'>, organizationId: number, now = new Date()): Promise<Council | null> {
  const db = analyticsDb(deps);
  const settings = await findSettings(db, organizationId);
  if (!settings.worksCouncil) return null;
  const window = windowAt(now);
  let chats: Promise<Guard> | undefined;
  let waited = 0;
  const k = settings.worksCouncilK;
  return {
    k,
    window,
    waitedMs: () => waited,
    chats: () => (chats ??= deps.councilCells.window(db, organizationId, window, (ms) => (waited += ms)).then((cells) => new Guard(cells, k, window))),
    messages: async (days) => new Guard(await messageCells(db, organizationId, days, window), k, window, false),
  };
}

const DAY_SQL = (column: string) => sql.raw(`floor(extract(epoch FROM ${column}) / 86400)::int`);

/** The window's cells read straight from the chats rows (what the cache holds; the tests' reference). */
export async function chatCells(db: Db, organizationId: number, w: { from: number; to: number }): Promise<Cell[]> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    SELECT ${DAY_SQL('created_at')} AS day, coalesce(user_id::text, '') AS u, count(*)::int AS n,
      ${sql.raw(PLAIN_DIMENSIONS.map((d) => `${valueAsText(d, 'chats')} AS ${d}`).join(', '))}, tags
    FROM chats
    WHERE organization_id = ${organizationId} AND created_at >= ${dateOfDay(w.from).toISOString()}::timestamptz
      AND created_at < ${dateOfDay(w.to).toISOString()}::timestamptz
    GROUP BY 1, 2, ${sql.raw(PLAIN_DIMENSIONS.map((_, i) => i + 4).join(', '))}, ${sql.raw(String(PLAIN_DIMENSIONS.length + 4))}`);
  return rows.map((r) => ({
    day: Number(r.day),
    user: String(r.u),
    n: Number(r.n),
    values: Object.fromEntries(PLAIN_DIMENSIONS.map((d) => [d, r[d] as string | null])) as Cell['values'],
    tags: [...new Set(r.tags as string[])],
  }));
}

const NO_VALUES = Object.fromEntries(PLAIN_DIMENSIONS.map((d) => [d, null])) as Record<PlainDimension, null>;

/**
 * The message cells the guard needs for a figure about the messages of [days.from, days.to): its
 * days, and the nearest day with messages on either side inside the window (without field values,
 * the only sets that contain S's messages are wider ranges, and the first day they add on a side
 * is that day: guard.ts, rule 2). What the endpoint reads itself is of the same size.
 */
async function messageCells(db: Db, organizationId: number, days: { from: number; to: number }, w: { from: number; to: number }): Promise<Cell[]> {
  const at = (day: number) => sql`${dateOfDay(day).toISOString()}::timestamptz`;
  const { rows: [near] } = await db.execute<{ before: number | null; after: number | null }>(sql`
    SELECT
      (SELECT ${DAY_SQL('max(created_at)')} FROM messages WHERE organization_id = ${organizationId} AND created_at >= ${at(w.from)} AND created_at < ${at(days.from)}) AS before,
      (SELECT ${DAY_SQL('min(created_at)')} FROM messages WHERE organization_id = ${organizationId} AND created_at >= ${at(days.to)} AND created_at < ${at(w.to)}) AS after`);
  const spans = [days, ...[near.before, near.after].filter((d) => d !== null).map((d) => ({ from: Number(d), to: Number(d) + 1 }))];
  const { rows } = await db.execute<{ day: number; u: string; n: number }>(sql`
    SELECT ${DAY_SQL('m.created_at')} AS day, coalesce(c.user_id::text, '') AS u, count(*)::int AS n
    FROM messages m LEFT JOIN chats c ON c.organization_id = m.organization_id AND c.id = m.chat_id
    WHERE m.organization_id = ${organizationId}
      AND (${sql.join(spans.map((s) => sql`(m.created_at >= ${at(s.from)} AND m.created_at < ${at(s.to)})`), sql` OR `)})
    GROUP BY 1, 2`);
  return rows.map((r) => ({ day: Number(r.day), user: String(r.u), n: Number(r.n), values: NO_VALUES, tags: [] }));
}

/** [from, to) snapped to whole UTC days and checked against the window. */
export function snapDays(council: Council, from: Date, to: Date, names: { from: string; to: string } = { from: 'from', to: 'to' }): { from: number; to: number } {
  const a = dayOf(from);
  const b = Math.min(Math.ceil(to.getTime() / DAY_MS), council.window.to);
  if (a < council.window.from) {
    throw refused(
      `${names.from} must be on or after ${dateOfDay(council.window.from).toISOString().slice(0, 10)} in works-council mode: figures are checked against the chats of the last ${WINDOW_DAYS} days`,
      names.from,
    );
  }
  if (a >= b) throw refused(`${names.from} must be before ${names.to}, and ${names.from} before tomorrow, in works-council mode (ranges are whole UTC days)`, names.from);
  return { from: a, to: b };
}

/** The range of a request in works-council mode: whole UTC days, tz UTC, allowed filters only. */
export function councilRange(council: Council, range: Range): Range {
  conditionsOf(range.filters);
  const days = snapDays(council, range.from, range.to);
  return { ...range, from: dateOfDay(days.from), to: dateOfDay(days.to), tz: 'UTC' };
}

const single = (values: string[] | undefined, field: string) => {
  if (values === undefined) return undefined;
  if (values.length !== 1) throw refused(`${field} may name one value in works-council mode (a list is a union of sets that can differ by one person)`, field);
  return values[0];
};

/**
 * The filters as conditions of a figure set; 400 for what works-council mode does not take.
 * `internal`: conditions the service adds itself (what-changed narrows by a segment) may exceed MAX_FILTERS.
 */
export function conditionsOf(f: ChatFilters, internal = false): Condition[] {
  // user_id, q and the filtered fields that are not rolled up (session_id): one person's chats or free text.
  const notRolledUp = [...LIST_FILTER_FIELDS, ...BOOLEAN_FILTER_FIELDS, ...EXACT_FILTER_FIELDS].filter((field) => !fieldSpec(field).rollup);
  const byKey = f as Record<string, unknown>;
  const asked: [unknown, string][] = [[f.userId, 'user_id'], ...notRolledUp.map((field): [unknown, string] => [byKey[camel(field)], field]), [f.q, 'q']];
  for (const [value, field] of asked) {
    if (value !== undefined) throw refused(`${field} cannot be used in analytics in works-council mode: it selects one person's chats or free text`, field);
  }
  if (f.hasRating !== undefined) throw refused('has_rating cannot be used in analytics in works-council mode: break down by user_rating instead', 'has_rating');
  if ((f.ratingMin !== undefined || f.ratingMax !== undefined) && f.ratingMin !== f.ratingMax) {
    throw refused('rating_min and rating_max must be given together and be equal in works-council mode (one rating at a time)', f.ratingMin === undefined ? 'rating_min' : 'rating_max');
  }
  const out: Condition[] = [];
  const eq = (dim: Condition['dim'], value: string | undefined) => value !== undefined && out.push({ dim, kind: 'eq', value });
  for (const field of LIST_FILTER_FIELDS) eq(field as Condition['dim'], single(byKey[camel(field)] as string[] | undefined, field));
  eq('tag', single(f.tags, 'tags'));
  eq('user_rating', f.ratingMin === undefined ? undefined : String(f.ratingMin));
  for (const field of BOOLEAN_FILTER_FIELDS) {
    const value = byKey[camel(field)] as boolean | undefined;
    eq(field as Condition['dim'], value === undefined ? undefined : String(value));
  }
  if (!internal && out.length > MAX_FILTERS) throw refused(`At most ${MAX_FILTERS} filters can be combined in works-council mode`, 'filters');
  return out;
}

/** The figure set of a range (already snapped) with extra conditions. */
export function figureSet(range: Range, extra: Condition[] = [], from = range.from, to = range.to): FigureSet {
  return { from: dayOf(from), to: dayOf(to), conditions: [...conditionsOf({ ...range.filters }, true), ...extra] };
}
