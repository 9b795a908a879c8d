// Where the numbers come from. Sums come from chat_rollups (per UTC hour) for the whole hours of a
// range, and from the chats rows for the partial hours at its edges; a request whose filters the
// rollups cannot answer (several filtered fields, a text search, an end user...) reads the chats
// rows of the range instead, which those filters keep small.
import type { ChatFilters } from '../chats/filters.js';
import type { Dimension } from './params.js';
import { offsetMinutes } from './timezone.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RollupChoice {
  dimension: 'all' | Dimension;
  /** Only these values of the dimension (null: chats that did not send it). */
  values?: (string | null)[];
}

/** The filters as a condition on one rollup dimension, or null when they are not one. */
function dimensionFilters(f: ChatFilters): { dimension: Dimension; values: (string | null)[] }[] | null {
  if (f.userId !== undefined || f.sessionId !== undefined || f.q !== undefined || (f.tags && f.tags.length > 1)) return null;
  const out: { dimension: Dimension; values: (string | null)[] }[] = [];
  if (f.questionCategory) out.push({ dimension: 'question_category', values: f.questionCategory });
  if (f.sentiment) out.push({ dimension: 'sentiment', values: f.sentiment });
  if (f.countryCode) out.push({ dimension: 'country_code', values: f.countryCode });
  if (f.languageCode) out.push({ dimension: 'language_code', values: f.languageCode });
  if (f.isEscalated !== undefined) out.push({ dimension: 'is_escalated', values: [String(f.isEscalated)] });
  if (f.isForwardedToHr !== undefined) out.push({ dimension: 'is_forwarded_to_hr', values: [String(f.isForwardedToHr)] });
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
  // a chat with the wanted tag shows in the groups of all its tags.
  return groupBy === only.dimension && groupBy !== 'tag' ? only : null;
}

/** The whole UTC hours inside [from, to), or null when there are none. */
export function wholeHours(from: Date, to: Date): { from: Date; to: Date } | null {
  const start = Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS;
  const end = Math.floor(to.getTime() / HOUR_MS) * HOUR_MS;
  return start < end ? { from: new Date(start), to: new Date(end) } : null;
}

// Zones that ever have a half- or quarter-hour offset (India, Nepal, Newfoundland, Lord Howe...),
// learnt once per zone from its offsets week by week over the years around now.
const fractionalZones = new Map<string, boolean>();
const WEEK_MS = 7 * DAY_MS;

/**
 * Whether the zone's buckets always start on whole UTC hours. Not so for zones with half- or
 * quarter-hour offsets, whose buckets split rollup hours: those read the chats rows instead.
 */
export function bucketsOnWholeHours(tz: string, now = Date.now()): boolean {
  let fractional = fractionalZones.get(tz);
  if (fractional === undefined) {
    fractional = false;
    for (let t = now - 3 * 365 * DAY_MS; t < now + 365 * DAY_MS && !fractional; t += WEEK_MS) {
      fractional = offsetMinutes(tz, new Date(t)) % 60 !== 0;
    }
    fractionalZones.set(tz, fractional);
  }
  return !fractional;
}
