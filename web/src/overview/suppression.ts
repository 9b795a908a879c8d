// Works-council mode on the overview: what stands in place of a figure the API withheld.
import type { Suppression, WorksCouncil } from '../api/types';

/** "fewer than 5 people", or the reason a larger group is hidden; null when the figure is shown. */
export function hiddenText(reason: Suppression | null | undefined, council: WorksCouncil | undefined): string | null {
  if (!reason) return null;
  const k = council?.k ?? 'k';
  if (reason === 'fewer_than_k') return `fewer than ${k} people`;
  if (reason === 'outside_window') return 'hidden: too long ago to check';
  return `hidden: it would reveal fewer than ${k} people`;
}

/** A line under a chart: how many of its figures are hidden, or null when none. */
export function hiddenNote(reasons: (Suppression | null | undefined)[], council: WorksCouncil | undefined, what: string): string | null {
  const hidden = reasons.filter(Boolean).length;
  if (!council || hidden === 0) return null;
  return `${hidden} of ${reasons.length} ${what} hidden in works-council mode: each figure describes at least ${council.k} people.`;
}
