// The works-council rule, as a pure function over "cells" (the chats of the window, grouped by UTC
// day, end user and field values). A figure is about a set of chats S = a range of whole UTC days
// ∧ a list of conditions (field = value, field is unknown, field is "other" than the top values).
// users(X) counts the distinct end users of the chats X, chats without a user id as one more.
// S's figures are shown (check() returns null) only when all of these hold:
//   (1) users(S) = 0 or users(S) ≥ k;                                               'fewer_than_k'
//   (2) for every S' made from S by dropping any of its conditions (none, some, all) and widening
//       its range to any [a', b') ⊇ [a, b) inside the window: users(S' \ S) = 0 or ≥ k;   'difference'
//   (3) for every way an answer splits S into parts (each of the 8 fields as a breakdown shows it:
//       top groups, other, unknown; and day, week and month buckets), the parts with 1..k-1 users
//       together have 0 or ≥ k users (so S minus its visible parts never describes 1..k-1); 'complement'
// (1)-(3) depend on S and the data only, not on the request that asked. An empty S (0 users) is
// shown as zeros: a figure about nobody. The proof and what it does not cover are in the README
// ("Works-council mode").
import type { Dimension } from '../params.js';

export const SUPPRESSION_REASONS = ['fewer_than_k', 'difference', 'complement', 'total_suppressed', 'outside_window'] as const;
export type Reason = (typeof SUPPRESSION_REASONS)[number];

export type PlainDimension = Exclude<Dimension, 'tag'>;
export const PLAIN_DIMENSIONS: PlainDimension[] = ['question_category', 'sentiment', 'country_code', 'language_code', 'user_rating', 'is_escalated', 'is_forwarded_to_hr'];
export const ALL_DIMENSIONS: Dimension[] = [...PLAIN_DIMENSIONS, 'tag'];

export interface Cell {
  /** UTC day number (days since 1970-01-01). */
  day: number;
  /** The end user ('' for chats without a user id: one group of their own). */
  user: string;
  /** Chats in the cell (orders breakdown groups, as the API does). */
  n: number;
  values: Record<PlainDimension, string | null>;
  tags: string[];
}

export type Condition =
  | { dim: Dimension; kind: 'eq'; value: string }
  | { dim: Dimension; kind: 'null' }
  | { dim: Dimension; kind: 'other'; top: ReadonlySet<string> };

export interface FigureSet {
  /** First UTC day (inclusive) and the day after the last (exclusive). */
  from: number;
  to: number;
  conditions: Condition[];
}

/** The top groups a breakdown lists (the rest is "other"): at most this many. */
export const BREAKDOWN_GROUPS = 100;

export function matches(cell: Cell, c: Condition): boolean {
  if (c.dim === 'tag') {
    if (c.kind === 'eq') return cell.tags.includes(c.value);
    if (c.kind === 'null') return cell.tags.length === 0;
    return cell.tags.some((t) => !c.top.has(t));
  }
  const v = cell.values[c.dim];
  if (c.kind === 'eq') return v === c.value;
  if (c.kind === 'null') return v === null;
  return v !== null && !c.top.has(v);
}

const matchesAll = (cell: Cell, cs: readonly Condition[]) => cs.every((c) => matches(cell, c));

/** The values of a field in a cell (several for tags, none when unknown). */
const valuesOf = (cell: Cell, dim: Dimension): string[] => {
  if (dim === 'tag') return cell.tags;
  const v = cell.values[dim];
  return v === null ? [] : [v];
};

/** A breakdown's groups of `cells` by `dim`: top values by chats (then by value), the rest as other. */
export function topValues(cells: readonly Cell[], dim: Dimension, limit = BREAKDOWN_GROUPS): string[] {
  const chats = new Map<string, number>();
  for (const cell of cells) for (const v of valuesOf(cell, dim)) chats.set(v, (chats.get(v) ?? 0) + cell.n);
  return [...chats]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([v]) => v);
}

const DAY_MS = 86_400_000;

/** The starts (UTC day numbers) of the buckets of [from, to): days, ISO weeks or calendar months. */
export function bucketDays(from: number, to: number, interval: 'day' | 'week' | 'month'): number[] {
  const starts = [from];
  for (let d = from + 1; d < to; d++) {
    const date = new Date(d * DAY_MS);
    if (interval === 'day' || (interval === 'week' && date.getUTCDay() === 1) || (interval === 'month' && date.getUTCDate() === 1)) starts.push(d);
  }
  return starts;
}

export class Guard {
  /** Cells sorted by day. */
  private readonly cells: Cell[];

  constructor(
    cells: Cell[],
    readonly k: number,
    /** The days every range must lie in: [from, to). */
    readonly window: { from: number; to: number },
  ) {
    this.cells = [...cells].sort((a, b) => a.day - b.day);
  }

  /** Index of the first cell on or after `day`. */
  private indexOf(day: number): number {
    let [lo, hi] = [0, this.cells.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cells[mid].day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private slice(from: number, to: number): Cell[] {
    return this.cells.slice(this.indexOf(from), this.indexOf(to));
  }

  /** The cells of a figure set. */
  cellsOf(s: FigureSet): Cell[] {
    return this.slice(s.from, s.to).filter((c) => matchesAll(c, s.conditions));
  }

  users(s: FigureSet): number {
    return new Set(this.cellsOf(s).map((c) => c.user)).size;
  }

  private small = (n: number) => n > 0 && n < this.k;

  /** Null when S's figures may be shown, else why not. */
  check(s: FigureSet): Reason | null {
    if (s.from < this.window.from || s.to > this.window.to) return 'outside_window';
    const inRange = this.slice(s.from, s.to);
    const own = inRange.filter((c) => matchesAll(c, s.conditions));
    const users = new Set(own.map((c) => c.user)).size;
    if (users === 0) return null;
    if (users < this.k) return 'fewer_than_k';
    if (!this.neighboursSafe(s, inRange)) return 'difference';
    if (!this.partsSafe(s, own)) return 'complement';
    return null;
  }

  /** Rule (2): every wider S' differs from S by 0 or ≥ k users. */
  private neighboursSafe(s: FigureSet, inRange: Cell[]): boolean {
    const n = s.conditions.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      const kept = s.conditions.filter((_, i) => mask & (1 << i));
      // X: the chats of the range that S' adds (none when every condition is kept).
      const extra = new Set<string>();
      if (kept.length < n) for (const c of inRange) if (matchesAll(c, kept) && !matchesAll(c, s.conditions)) extra.add(c.user);
      if (this.small(extra.size)) return false;
      if (extra.size >= this.k) continue; // every widening adds at least these
      // X is empty: a widening adds nothing, or at least the nearest day with S' chats on its side.
      if (this.small(this.nearestDayUsers(kept, s.from - 1, -1))) return false;
      if (this.small(this.nearestDayUsers(kept, s.to, +1))) return false;
    }
    return true;
  }

  /** Users of the chats matching `conditions` on the nearest day, from `day` on in `step`, within the window. */
  private nearestDayUsers(conditions: Condition[], day: number, step: -1 | 1): number {
    let i = step < 0 ? this.indexOf(day + 1) - 1 : this.indexOf(day);
    let found: number | undefined;
    const users = new Set<string>();
    for (; i >= 0 && i < this.cells.length; i += step) {
      const cell = this.cells[i];
      if (cell.day < this.window.from || cell.day >= this.window.to) break;
      if (found !== undefined && cell.day !== found) break;
      if (!matchesAll(cell, conditions)) continue;
      found = cell.day;
      users.add(cell.user);
    }
    return users.size;
  }

  /** Rule (3): however an answer splits S, its parts with 1..k-1 users together have 0 or ≥ k. */
  private partsSafe(s: FigureSet, own: Cell[]): boolean {
    for (const parts of this.partitions(s, own)) {
      const hidden = new Set<string>();
      for (const part of parts) {
        const users = new Set(part.map((c) => c.user));
        if (this.small(users.size)) for (const u of users) hidden.add(u);
      }
      if (this.small(hidden.size)) return false;
    }
    return true;
  }

  /** The ways an answer can split S: by each field (top groups, other, unknown), by time buckets. */
  private *partitions(s: FigureSet, own: Cell[]): Generator<Cell[][]> {
    for (const dim of ALL_DIMENSIONS) {
      const top = topValues(own, dim);
      const topSet = new Set(top);
      const groups = new Map<string, Cell[]>(top.map((v) => [v, []]));
      const other: Cell[] = [];
      const unknown: Cell[] = [];
      for (const cell of own) {
        const values = valuesOf(cell, dim);
        if (values.length === 0) unknown.push(cell);
        for (const v of values) groups.get(v)?.push(cell);
        if (values.some((v) => !topSet.has(v))) other.push(cell);
      }
      yield [...groups.values(), other, unknown];
    }
    for (const interval of ['day', 'week', 'month'] as const) {
      const starts = bucketDays(s.from, s.to, interval);
      const parts: Cell[][] = starts.map(() => []);
      let b = 0;
      for (const cell of own) {
        while (b + 1 < starts.length && cell.day >= starts[b + 1]) b++;
        parts[b].push(cell);
      }
      yield parts;
    }
  }
}
