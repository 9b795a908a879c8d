// Where the numbers come from. Sums come from chat_daily_rollups for the whole UTC days of a range,
// from chat_rollups (per UTC hour) for its other whole hours, and from the chats rows for the
// partial hours at its edges (and at the edges of time buckets that start off the hour). A
// breakdown by one field filtered on another reads chat_daily_pair_rollups for the whole UTC days
// and the chats rows for the rest (there are no hourly pair rows). A request whose filters the
// rollups cannot answer (several filtered fields, a text search, an end user...) reads the chats
// rows of the range instead, which those filters keep small.
import { BOOLEAN_FILTER_FIELDS, camel, EXACT_FILTER_FIELDS, fieldSpec, LIST_FILTER_FIELDS } from '../fields/chat-fields.js';
import type { ChatFilters } from '../chats/filters.js';
import { DIMENSIONS, type Dimension } from './params.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RollupChoice {
  dimension: 'all' | Dimension;
  /** Only these values of the dimension (null: chats that did not send it). */
  values?: (string | null)[];
  /** Grouped by `dimension`, only the chats with these values of another field: pair rollups. */
  pairFilter?: { dimension: Dimension; values: (string | null)[] };
}

/**
 * The order of the fields in a pair row of chat_daily_pair_rollups: dimension_a comes before
 * dimension_b. The order of the dimensions (the registry's, tag last), which the rendered rollup
 * SQL (src/db/rollup-sql) follows too.
 */
export const PAIR_DIMENSIONS: readonly Dimension[] = DIMENSIONS;

/** The filters as a condition on one rollup dimension, or null when they are not one. */
function dimensionFilters(f: ChatFilters): { dimension: Dimension; values: (string | null)[] }[] | null {
  if (f.userId !== undefined || f.q !== undefined || (f.tags && f.tags.length > 1)) return null;
  const out: { dimension: Dimension; values: (string | null)[] }[] = [];
  const byKey = f as Record<string, unknown>;
  // A filtered field that is not rolled up (session_id…) leaves only the chats rows.
  for (const field of [...LIST_FILTER_FIELDS, ...BOOLEAN_FILTER_FIELDS, ...EXACT_FILTER_FIELDS]) {
    const value = byKey[camel(field)] as string[] | boolean | string | undefined;
    if (value === undefined) continue;
    if (!fieldSpec(field).rollup) return null;
    out.push({ dimension: field as Dimension, values: Array.isArray(value) ? value : [String(value)] });
  }
  if (f.tags) out.push({ dimension: 'tag', values: f.tags });
  if (f.hasRating === false) out.push({ dimension: 'user_rating', values: [null] });
  else if (f.hasRating || f.ratingMin !== undefined || f.ratingMax !== undefined) {
    const ratings = [1, 2, 3, 4, 5].filter((r) => r >= (f.ratingMin ?? 1) && r <= (f.ratingMax ?? 5));
    out.push({ dimension: 'user_rating', values: ratings.map(String) });
  }
  return out;
}

/** The rollup rows that answer a request grouped by `groupBy` (or not grouped), or null. */
export function chooseRollup(filters: ChatFilters, groupBy?: Dimension): RollupChoice | null {
  const dims = dimensionFilters(filters);
  if (dims === null || dims.length > 1) return null;
  if (dims.length === 0) return { dimension: groupBy ?? 'all' };
  const [only] = dims;
  if (groupBy === undefined) return only;
  // Filtering a field and grouping by it: the filtered values are the groups. Not so for tags, where
  // a chat with the wanted tag shows in the groups of all its tags (there are no tag-tag pairs).
  if (groupBy === only.dimension) return groupBy !== 'tag' ? only : null;
  return { dimension: groupBy, pairFilter: only };
}

export interface Span {
  from: Date;
  to: Date;
}

/** A range cut into what chat_daily_rollups, chat_rollups and the chats rows each answer. */
export interface Pieces {
  days: Span[];
  hours: Span[];
  raw: Span[];
}

/** Appends [from, to), merged into the last span when adjacent, but never across a bucket start. */
function push(spans: Span[], from: number, to: number, bucketStart: number) {
  if (from >= to) return;
  const last = spans[spans.length - 1];
  if (last && last.to.getTime() === from && from !== bucketStart) last.to = new Date(to);
  else spans.push({ from: new Date(from), to: new Date(to) });
}

/**
 * Cuts [from, to) into whole UTC days (when `days`), whole UTC hours and the partial hours at the
 * edges, first cutting it at `cuts` (the starts of the time buckets of a grouped query), so that
 * no rollup row straddles two buckets. With `hours: false` (no hourly rows to read), what whole
 * hours would answer is left to the chats rows. Adjacent spans of one kind are merged, except
 * across a cut: each span lies in one bucket.
 */
export function splitRange(from: Date, to: Date, options: { days: boolean; hours?: boolean; cuts?: number[] }): Pieces {
  const pieces: Pieces = { days: [], hours: [], raw: [] };
  const edges = [from.getTime(), ...(options.cuts ?? []).filter((c) => c > from.getTime() && c < to.getTime()), to.getTime()];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    const h1 = Math.ceil(a / HOUR_MS) * HOUR_MS;
    const h2 = Math.floor(b / HOUR_MS) * HOUR_MS;
    if (h1 >= h2) {
      push(pieces.raw, a, b, a);
      continue;
    }
    const d1 = Math.ceil(h1 / DAY_MS) * DAY_MS;
    const d2 = Math.floor(h2 / DAY_MS) * DAY_MS;
    const hours = options.hours === false ? pieces.raw : pieces.hours;
    push(pieces.raw, a, h1, a);
    if (options.days && d1 < d2) {
      push(hours, h1, d1, a);
      push(pieces.days, d1, d2, a);
      push(hours, d2, h2, a);
    } else {
      push(hours, h1, h2, a);
    }
    push(pieces.raw, h2, b, a);
  }
  return pieces;
}

// Zones whose offset is 0 at every instant: their day, week and month buckets start at UTC
// midnights, so whole UTC days never straddle two buckets. Any other zone's buckets come from
// the database (bucketStarts) and cut the range.
const UTC_ZONES = new Set([
  'UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'GMT', 'Etc/GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0',
  'Greenwich', 'Etc/Greenwich', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu',
]);
export const isUtcZone = (tz: string) => UTC_ZONES.has(tz);
