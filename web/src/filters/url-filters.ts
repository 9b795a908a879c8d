// The dashboard's view state lives in the URL (so a view can be shared): the date range and time
// zone, and the chat filters under the API's own parameter names (see the README's "Chat
// filters"). The overview and the chats explorer read the same parameters, so a click on a chart
// opens the explorer on exactly the chats it counted.
import { BOOLEAN_FILTER_FIELDS, EXACT_FILTER_FIELDS, LIST_FILTER_FIELDS, type FilterFieldName } from '../fields/fields';
import { addDays, browserZone, isValidZone, startOfDay, todayIn } from './zoned-time';

export const RANGE_PRESETS = [
  { value: 'today', label: 'Today', days: 1 },
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['value'] | 'custom' | 'all';

/** Chat filters, by their API names; the range (from/to) and tz are handled apart. The metadata
 * fields' filters come from the field registry (../fields/fields.ts); the others are the page's own. */
export type FilterName = 'q' | 'tags' | 'tags_mode' | FilterFieldName | 'user_id' | 'rating_min' | 'rating_max' | 'has_rating';
export const FILTER_NAMES: readonly FilterName[] = [
  'q',
  'tags',
  'tags_mode',
  ...LIST_FILTER_FIELDS.map((f) => f.name),
  ...BOOLEAN_FILTER_FIELDS.map((f) => f.name),
  'user_id',
  ...EXACT_FILTER_FIELDS.map((f) => f.name),
  'rating_min',
  'rating_max',
  'has_rating',
];

export interface DateRange {
  preset: RangePreset;
  /** First and last calendar day included (YYYY-MM-DD in tz); null for "all time". */
  fromDate: string | null;
  toDate: string | null;
  tz: string;
  /** The instants for the API: [from, to). */
  from: string | null;
  to: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readRange(params: URLSearchParams, defaultPreset: RangePreset = '30d'): DateRange {
  const tzParam = params.get('tz');
  const tz = tzParam && isValidZone(tzParam) ? tzParam : browserZone();
  let preset = (params.get('range') as RangePreset | null) ?? defaultPreset;
  let fromDate: string | null = null;
  let toDate: string | null = null;
  const today = todayIn(tz);
  const known = RANGE_PRESETS.find((p) => p.value === preset);
  if (known) {
    fromDate = addDays(today, 1 - known.days);
    toDate = today;
  } else if (preset === 'custom' && DATE.test(params.get('from') ?? '') && DATE.test(params.get('to') ?? '')) {
    fromDate = params.get('from')!;
    toDate = params.get('to')!;
    if (toDate < fromDate) [fromDate, toDate] = [toDate, fromDate];
  } else if (preset !== 'all') {
    preset = defaultPreset;
    return readRange(new URLSearchParams({ tz, range: defaultPreset }), defaultPreset);
  }
  return {
    preset,
    fromDate,
    toDate,
    tz,
    from: fromDate ? startOfDay(fromDate, tz).toISOString() : null,
    to: toDate ? startOfDay(addDays(toDate, 1), tz).toISOString() : null,
  };
}

/** The filters set in the URL, as API query parameters (empty ones left out). */
export function readFilters(params: URLSearchParams): Partial<Record<FilterName, string>> {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** Everything the API needs for the view: the range as instants, tz, and the filters. */
export function apiQuery(params: URLSearchParams, defaultPreset: RangePreset = '30d') {
  const range = readRange(params, defaultPreset);
  return {
    range,
    query: { ...readFilters(params), ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) },
  };
}

/** A link to the chats explorer with this view's range and filters plus `extra` (null removes one). */
export function explorerLink(params: URLSearchParams, extra: Partial<Record<FilterName | 'range' | 'from' | 'to' | 'tz', string | null>> = {}): string {
  const next = new URLSearchParams();
  for (const name of ['range', 'from', 'to', 'tz', ...FILTER_NAMES]) {
    const value = params.get(name);
    if (value) next.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === null || value === undefined) next.delete(name);
    else next.set(name, value);
  }
  return `/chats?${next.toString()}`;
}
