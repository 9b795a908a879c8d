// "What changed", as a pure function: the change of a metric between two periods, split over
// segments (the values of one dimension, or pairs of values of two) into a mix effect (the segment's
// share of chats changed) and a rate effect (the metric changed within the segment).
//
// With shares w (of chats) and values r per segment, the overall value is Σ w·r. Between periods a
// and b, for each segment: mix = (w_b − w_a) · (r̄ − R̄) and rate = w̄ · (r_b − r_a), with r̄, w̄ the
// segment's means over the two periods and R̄ the mean of the overall values. Summed over segments
// they give R_b − R_a exactly (Σ(w_b − w_a) = 0, so subtracting R̄ changes no total, but makes a
// segment's mix effect mean something: more chats of an above-average kind raise the average).
// For a count (chats, messages, tokens) the change of a segment is its own difference, all "mix".
// Segments are ranked by the size of their total effect.

export interface SegmentPeriods {
  key: Record<string, string | number | boolean>;
  a: { chats: number; value: number | null };
  b: { chats: number; value: number | null };
}

export interface Contribution {
  key: Record<string, string | number | boolean>;
  mix: number;
  rate: number;
  total: number;
  /** This segment's share of the overall change (total / overall change), when that is not 0. */
  share: number | null;
  a: SegmentPeriods['a'];
  b: SegmentPeriods['b'];
}

export function decompose(segments: readonly SegmentPeriods[], kind: 'count' | 'average'): { change: number; contributions: Contribution[] } {
  const rows: Omit<Contribution, 'share'>[] = [];
  if (kind === 'count') {
    for (const s of segments) {
      const d = (s.b.value ?? 0) - (s.a.value ?? 0);
      rows.push({ key: s.key, mix: d, rate: 0, total: d, a: s.a, b: s.b });
    }
  } else {
    const na = segments.reduce((n, s) => n + (s.a.value === null ? 0 : s.a.chats), 0);
    const nb = segments.reduce((n, s) => n + (s.b.value === null ? 0 : s.b.chats), 0);
    const overall = (n: number, p: 'a' | 'b') => (n > 0 ? segments.reduce((sum, s) => sum + (s[p].value === null ? 0 : s[p].chats * s[p].value!), 0) / n : 0);
    const meanOverall = (overall(na, 'a') + overall(nb, 'b')) / 2;
    for (const s of segments) {
      const wa = na > 0 && s.a.value !== null ? s.a.chats / na : 0;
      const wb = nb > 0 && s.b.value !== null ? s.b.chats / nb : 0;
      // A segment absent from a period has no value there: its own value in the other stands in.
      const ra = s.a.value ?? s.b.value ?? 0;
      const rb = s.b.value ?? s.a.value ?? 0;
      const mix = (wb - wa) * ((ra + rb) / 2 - meanOverall);
      const rate = ((wa + wb) / 2) * (rb - ra);
      rows.push({ key: s.key, mix, rate, total: mix + rate, a: s.a, b: s.b });
    }
  }
  const change = rows.reduce((sum, r) => sum + r.total, 0);
  const contributions = rows
    .map((r) => ({ ...r, share: Math.abs(change) > 1e-12 ? r.total / change : null }))
    .sort((x, y) => Math.abs(y.total) - Math.abs(x.total));
  return { change, contributions };
}
