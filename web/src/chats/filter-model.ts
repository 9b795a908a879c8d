// The explorer's view of the URL: which filters are active (as removable chips) and how a change
// to them becomes the next URL. Parameter names are the API's (see filters/url-filters.ts).
import { FILTER_NAMES, RANGE_PRESETS, type DateRange, type FilterName } from '../filters/url-filters';
import { BOOLEAN_FILTER_FIELDS, CODE_NAMES, EXACT_FILTER_FIELDS, fieldNamed, LIST_FILTER_FIELDS, type FilterFieldName } from '../fields/fields';

/** The explorer shows all time when the URL names no range. */
export const EXPLORER_DEFAULT_RANGE = 'all' as const;

export const FILTER_LABELS: Record<FilterName, string> = {
  q: 'Search',
  tags: 'Tags',
  tags_mode: 'Tag match',
  ...(Object.fromEntries([...LIST_FILTER_FIELDS, ...BOOLEAN_FILTER_FIELDS, ...EXACT_FILTER_FIELDS].map((f) => [f.name, f.label])) as Record<FilterFieldName, string>),
  user_id: 'End user',
  rating_min: 'Rating at least',
  rating_max: 'Rating at most',
  has_rating: 'Rating',
};

export interface Chip {
  key: string;
  label: string;
  /** URL parameters removed with the chip. */
  remove: string[];
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const yesNo = (value: string) => (value === 'true' ? 'yes' : value === 'false' ? 'no' : value);

function named(values: string, name: (code: string) => string): string {
  return list(values)
    .map((code) => {
      const full = name(code);
      return full && full.toLowerCase() !== code.toLowerCase() ? `${full} (${code})` : code;
    })
    .join(', ');
}

export function rangeLabel(range: DateRange): string {
  const preset = RANGE_PRESETS.find((p) => p.value === range.preset);
  if (preset) return preset.label;
  if (range.preset === 'custom' && range.fromDate && range.toDate) {
    return range.fromDate === range.toDate ? range.fromDate : `${range.fromDate} – ${range.toDate}`;
  }
  return 'All time';
}

/** The active filters of the view, each a chip that removes its own parameters. */
export function activeChips(params: URLSearchParams, range: DateRange): Chip[] {
  const chips: Chip[] = [];
  if (range.preset !== 'all') chips.push({ key: 'range', label: `Period: ${rangeLabel(range)}`, remove: ['range', 'from', 'to'] });
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (!value || name === 'tags_mode') continue;
    let text: string;
    const field = fieldNamed(name);
    const codeName = field && CODE_NAMES[field.name];
    if (name === 'q') text = `“${value}”`;
    else if (name === 'tags') {
      const any = params.get('tags_mode') === 'any' && list(value).length > 1;
      chips.push({ key: name, label: `Tags (${any ? 'any of' : 'all of'}): ${list(value).join(', ')}`, remove: ['tags', 'tags_mode'] });
      continue;
    } else if (name === 'has_rating') text = value === 'true' ? 'rated' : value === 'false' ? 'unrated' : value;
    else if (codeName) text = named(value, codeName);
    else if (field?.filter === 'boolean') text = yesNo(value);
    else text = list(value).join(', ') || value;
    chips.push({ key: name, label: `${FILTER_LABELS[name]}: ${text}`, remove: [name] });
  }
  return chips;
}

/** `params` without the given names. */
export function without(params: URLSearchParams, names: string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of names) next.delete(name);
  return next;
}

/** Every filter and the range removed; the time zone and sort order are preferences and stay. */
export function cleared(params: URLSearchParams): URLSearchParams {
  return without(params, ['range', 'from', 'to', ...FILTER_NAMES]);
}

/** A comma list as typed ("leave,  payroll ,") in the API's form ("leave,payroll"). */
export const normalizeList = (value: string) => list(value).join(',');
