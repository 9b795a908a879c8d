// The works-council rule, as a pure function over "cells" (the chats of the window, grouped by UTC
// day, end user and field values). A figure is about a set of chats S = a range of whole UTC days
// ∧ a list of conditions (field = value, field is unknown, field is "other" than the top values).
// users(X) counts the distinct end users of the chats X, chats without a user id as one more.
// S's figures are shown (check() returns null) only when all of these hold:
//   (1) users(S) = 0 or users(S) ≥ k;                                               'fewer_than_k'
//   (2) for every askable T (a range inside the window ∧ at most MAX_SET_CONDITIONS conditions
//       eq / null) whose chats contain S's chats — by definition or by coincidence of the data:
//       users(T \ S) = 0 or ≥ k; and S has no "other" condition;                        'difference'
//   (3) for every way an answer splits S into parts (each dimension as a breakdown shows it:
//       top groups, other, unknown; and day, week and month buckets), the parts with 1..k-1 users
//       together have 0 or ≥ k users (so S minus its visible parts never describes 1..k-1); 'complement'
// Two figures shown whose chat sets are nested therefore differ by 0 or ≥ k users: (2) applied to
// the smaller. (1)-(3) depend on S and the data only, not on the request that asked. An empty S (0 users) is
// shown as zeros: a figure about nobody. The proof and what it does not cover are in the README
// ("Works-council mode").
import { ROLLED_UP_FIELDS } from '../../fields/chat-fields.js';
import type { Dimension } from '../params.js';

export const SUPPRESSION_REASONS = ['fewer_than_k', 'difference', 'complement', 'total_suppressed', 'outside_window'] as const;
export type Reason = (typeof SUPPRESSION_REASONS)[number];

export type PlainDimension = Exclude<Dimension, 'tag'>;
export const PLAIN_DIMENSIONS: PlainDimension[] = [...ROLLED_UP_FIELDS];
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

/** The distinct end users of `cells`, up to `k` of them: the rules only ask whether there are 0, 1..k-1 or k or more. */
function usersUpTo(cells: readonly Cell[], k: number): Set<string> {
  const users = new Set<string>();
  for (const cell of cells) if (users.add(cell.user).size >= k) break;
  return users;
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

/** The most conditions a figure set combines: 3 filters, a what-changed segment, a breakdown group. */
export const MAX_SET_CONDITIONS = 5;
/** Beyond this many subsets to check (chats that share many tags), a set is hidden rather than checked. */
const MAX_SUBSETS = 4096;

/** The conditions every one of `cells` meets: eq for a value they share, null for a field none sent. */
function commonConditions(cells: readonly Cell[]): Condition[] {
  const out: Condition[] = [];
  for (const dim of PLAIN_DIMENSIONS) {
    const v = cells[0].values[dim];
    if (cells.every((c) => c.values[dim] === v)) out.push(v === null ? { dim, kind: 'null' } : { dim, kind: 'eq', value: v });
  }
  if (cells.every((c) => c.tags.length === 0)) out.push({ dim: 'tag', kind: 'null' });
  else for (const tag of cells[0].tags) if (cells.every((c) => c.tags.includes(tag))) out.push({ dim: 'tag', kind: 'eq', value: tag });
  return out;
}

/**
 * The subsets of `conds` (as bit masks) that an askable figure set can combine: at most
 * MAX_SET_CONDITIONS, at most one null (only a breakdown's unknown group is one) and at most two
 * tags (the tags filter and a group of a breakdown by tag). Null when there are too many to check.
 */
function askableSubsets(conds: readonly Condition[]): number[] | null {
  if (conds.length > 30) return null;
  const out: number[] = [];
  const walk = (i: number, mask: number, size: number, nulls: number, tags: number) => {
    if (out.length > MAX_SUBSETS) return;
    if (i === conds.length) return void out.push(mask);
    walk(i + 1, mask, size, nulls, tags);
    const [n, t] = [nulls + (conds[i].kind === 'null' ? 1 : 0), tags + (conds[i].dim === 'tag' ? 1 : 0)];
    if (size < MAX_SET_CONDITIONS && n <= 1 && t <= 2) walk(i + 1, mask | (1 << i), size + 1, n, t);
  };
  walk(0, 0, 0, 0, 0);
  return out.length > MAX_SUBSETS ? null : out;
}

export class Guard {
  /** Cells sorted by day. */
  private readonly cells: Cell[];

  constructor(
    cells: Cell[],
    readonly k: number,
    /** The days every range must lie in: [from, to). */
    readonly window: { from: number; to: number },
    /** False for cells without field values (messages): their sets differ by range only. */
    private readonly fields = true,
  ) {
    // The cache's cells come in day order (and there may be a million): kept as they are then.
    const sorted = cells.every((c, i) => i === 0 || cells[i - 1].day <= c.day);
    this.cells = sorted ? cells : [...cells].sort((a, b) => a.day - b.day);
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
    const own = this.cellsOf(s);
    const users = usersUpTo(own, this.k).size;
    if (users === 0) return null;
    if (users < this.k) return 'fewer_than_k';
    // "other" holds the values outside a breakdown's top groups, which the data chooses: two
    // answers' other groups can differ by anyone, and no check could list every top there may be.
    if (s.conditions.some((c) => c.kind === 'other')) return 'difference';
    if (!this.supersetsSafe(own)) return 'difference';
    if (!this.partsSafe(s, own)) return 'complement';
    return null;
  }

  /**
   * Rule (2): every askable T whose chats contain S's chats differs from S by 0 or ≥ k users.
   * T = a range [a', b') in the window ∧ conditions Q. T ⊇ S (as stored chats) needs [a', b') to
   * hold the days of S's chats, [d1, d2], and every condition of Q to hold on every chat of S: Q is
   * a subset of P, the conditions S's chats have in common (eq for a shared value, null for a
   * field none of them sent; "other" groups are never shown, see check). For each such Q, X = the
   * chats of [d1, d2] that meet Q and are not S's: users(X) in 1..k-1 fails (T = Q over [d1, d2+1)
   * is askable); ≥ k passes (every T adds X); 0 leaves the widenings, which add nothing or at least
   * every Q chat of the nearest day with Q chats on one side, so those days must have 0 or ≥ k.
   */
  private supersetsSafe(own: Cell[]): boolean {
    const d1 = own[0].day;
    const d2 = own[own.length - 1].day;
    const common = this.fields ? commonConditions(own) : [];
    const qs = askableSubsets(common);
    if (qs === null) return false; // too many common conditions to check them all: hidden, to be safe
    const full = common.length === 0 ? 0 : 2 ** common.length - 1;
    const maskOf = (cell: Cell) => common.reduce((m, c, i) => (matches(cell, c) ? m | (1 << i) : m), 0);
    // The users of the chats of [d1, d2] outside S, by the conditions of P they meet (k at most each).
    const byMask = new Map<number, Set<string>>();
    for (const cell of this.slice(d1, d2 + 1)) {
      const m = maskOf(cell);
      if (m === full) continue; // meets every condition of S (all are in P) on S's days: one of S's chats
      const users = byMask.get(m) ?? byMask.set(m, new Set()).get(m)!;
      if (users.size < this.k) users.add(cell.user);
    }
    const pending: number[] = [];
    for (const q of qs) {
      const users = new Set<string>();
      for (const [m, us] of byMask) {
        if ((m & q) !== q) continue;
        for (const u of us) users.add(u);
        if (users.size >= this.k) break;
      }
      if (this.small(users.size)) return false;
      if (users.size === 0) pending.push(q);
    }
    return this.nearestDaysSafe(pending, maskOf, d1 - 1, -1) && this.nearestDaysSafe(pending, maskOf, d2 + 1, +1);
  }

  /** For each Q (a mask over P), the nearest day from `day` on in `step` with Q chats has 0 or ≥ k users. */
  private nearestDaysSafe(qs: number[], maskOf: (c: Cell) => number, day: number, step: -1 | 1): boolean {
    let open = [...qs];
    let i = step < 0 ? this.indexOf(day + 1) - 1 : this.indexOf(day);
    while (open.length > 0 && i >= 0 && i < this.cells.length) {
      const d = this.cells[i].day;
      if (d < this.window.from || d >= this.window.to) break;
      const masks = new Map<number, Set<string>>();
      for (; i >= 0 && i < this.cells.length && this.cells[i].day === d; i += step) {
        const m = maskOf(this.cells[i]);
        const users = masks.get(m) ?? masks.set(m, new Set()).get(m)!;
        if (users.size < this.k) users.add(this.cells[i].user);
      }
      const next: number[] = [];
      for (const q of open) {
        const users = new Set<string>();
        for (const [m, us] of masks) if ((m & q) === q) for (const u of us) users.add(u);
        if (this.small(users.size)) return false;
        if (users.size === 0) next.push(q); // no Q chats that day: look further
      }
      open = next;
    }
    return true;
  }

  /** Rule (3): however an answer splits S, its parts with 1..k-1 users together have 0 or ≥ k. */
  private partsSafe(s: FigureSet, own: Cell[]): boolean {
    for (const parts of this.partitions(s, own)) {
      const hidden = new Set<string>();
      for (const users of parts) if (this.small(users.size)) for (const u of users) hidden.add(u);
      if (this.small(hidden.size)) return false;
    }
    return true;
  }

  /**
   * The ways an answer can split S — by each field (top groups, other, unknown) and by time
   * buckets — as each part's end users, up to k of them (a part with fewer has them all).
   */
  private *partitions(s: FigureSet, own: Cell[]): Generator<Iterable<Set<string>>> {
    const add = (parts: Map<string | number, Set<string>>, key: string | number, user: string) => {
      const users = parts.get(key) ?? parts.set(key, new Set()).get(key)!;
      if (users.size < this.k) users.add(user);
    };
    for (const dim of ALL_DIMENSIONS) {
      // One pass: each value's chats (which values are the top groups) and users; unknown apart.
      // (No array per cell and field: at a million cells the garbage took longer than the checks.)
      const byValue = new Map<string, { chats: number; users: Set<string> }>();
      const unknown = new Map<number, Set<string>>();
      const count = (cell: Cell, v: string) => {
        const group = byValue.get(v) ?? byValue.set(v, { chats: 0, users: new Set() }).get(v)!;
        group.chats += cell.n;
        if (group.users.size < this.k) group.users.add(cell.user);
      };
      for (const cell of own) {
        if (dim === 'tag') {
          if (cell.tags.length === 0) add(unknown, 0, cell.user);
          for (const tag of cell.tags) count(cell, tag);
        } else {
          const v = cell.values[dim];
          if (v === null) add(unknown, 0, cell.user);
          else count(cell, v);
        }
      }
      if (byValue.size <= BREAKDOWN_GROUPS) {
        yield [...[...byValue.values()].map((g) => g.users), ...unknown.values()];
        continue;
      }
      const top = new Set(topValues(own, dim));
      const other = new Map<number, Set<string>>();
      for (const cell of own) if (valuesOf(cell, dim).some((v) => !top.has(v))) add(other, 0, cell.user);
      yield [...[...top].map((v) => byValue.get(v)!.users), ...other.values(), ...unknown.values()];
    }
    for (const interval of ['day', 'week', 'month'] as const) {
      const starts = bucketDays(s.from, s.to, interval);
      const parts = new Map<number, Set<string>>();
      let b = 0;
      for (const cell of own) {
        while (b + 1 < starts.length && cell.day >= starts[b + 1]) b++;
        add(parts, b, cell.user);
      }
      yield parts.values();
    }
  }
}
