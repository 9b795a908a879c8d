// Response times as a log histogram (the mapping of DDSketch): bin i counts the values in
// (γ^(i-1), γ^i], γ = (1+α)/(1−α). Any value read back as its bin's midpoint 2γ^i/(γ+1) is within
// α of the true value, so a percentile computed from the bins (interpolated as percentile_cont
// does) is within α (1%) of the exact one. Bins add up across days and cells. The bins are computed
// in SQL (binSql) for the stored sketches and for the rows a read takes from the chats table.
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
/** The bin of 0 s (a log has none). */
export const ZERO_BIN = -2147483648;

export const binSql = (value: string): string =>
  `(CASE WHEN ${value} IS NULL THEN NULL WHEN ${value} <= 0 THEN (${ZERO_BIN})::int ELSE ceil(ln(${value}) / ${Math.log(GAMMA)})::int END)`;

const binValue = (bin: number) => (bin === ZERO_BIN ? 0 : (2 * GAMMA ** bin) / (GAMMA + 1));

export type Histogram = Map<number, number>;

export function addBins(into: Histogram, bins: number[], counts: number[]): void {
  bins.forEach((b, i) => into.set(b, (into.get(b) ?? 0) + Number(counts[i])));
}

/** The q-quantile (0..1) as percentile_cont computes it, from the bins; null when empty. */
export function quantile(histogram: Histogram, q: number): number | null {
  const bins = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = q * (total - 1);
  const valueAt = (k: number) => {
    let seen = 0;
    for (const [bin, n] of bins) {
      seen += n;
      if (k < seen) return binValue(bin);
    }
    return binValue(bins[bins.length - 1][0]);
  };
  const [lo, hi] = [Math.floor(rank), Math.ceil(rank)];
  const low = valueAt(lo);
  return lo === hi ? low : low + (rank - lo) * (valueAt(hi) - low);
}
