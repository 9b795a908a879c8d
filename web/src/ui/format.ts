// How numbers and times read on the dashboard (the browser's locale).
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export const NONE = '—';

export const formatInteger = (n: number | null | undefined) => (n == null ? NONE : integer.format(n));
export const formatCompact = (n: number | null | undefined) => (n == null ? NONE : Math.abs(n) < 10_000 ? integer.format(n) : compact.format(n));
export const formatPercent = (fraction: number | null | undefined) => (fraction == null ? NONE : percent.format(fraction));
export const formatRating = (n: number | null | undefined) => (n == null ? NONE : `${twoDecimals.format(n)} / 5`);
export const formatDecimal = (n: number | null | undefined) => (n == null ? NONE : oneDecimal.format(n));

/** Response times are seconds in the API. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null) return NONE;
  if (seconds < 1) return `${integer.format(seconds * 1000)} ms`;
  if (seconds < 60) return `${oneDecimal.format(seconds)} s`;
  return `${oneDecimal.format(seconds / 60)} min`;
}

export function formatMilliseconds(ms: number | null | undefined): string {
  return ms == null ? NONE : formatSeconds(ms / 1000);
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return NONE;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return NONE;
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function formatRelative(iso: string | null | undefined): string {
  if (!iso) return 'never';
  const seconds = (Date.now() - new Date(iso).getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(-Math.round(seconds), 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86400), 'day');
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : null;
const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'language' }) : null;

export function countryName(code: string): string {
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export const humanize = (value: string) => (value.charAt(0).toUpperCase() + value.slice(1)).replace(/[_-]+/g, ' ');
