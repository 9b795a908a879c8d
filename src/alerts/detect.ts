// The judgement of an alert rule, as pure functions over numbers (so that the benchmark can run
// them over generated series; the evaluator feeds them the analytics API's values).
//
// above / below: the window's value against the threshold. unusual: against a robust baseline,
// the same window at the same weekday and hour in each of the previous BASELINE_WEEKS weeks; its
// median and MAD (scaled to a standard deviation, 1.4826 × MAD). The spread that a value is judged
// against adds the window's own noise to it: for a share (a rate between 0 and 1) its sampling
// noise sqrt(p(1-p)/n) at the window's volume n, for other metrics 5% of the median (so that a
// perfectly steady baseline does not make every wobble "unusual"), and the uncertainty of a median
// of few weeks (1.25 σ/√k). The robust score is (value − median) / spread: an alert
// fires beyond FIRE_SCORE and resolves back within RESOLVE_SCORE (hysteresis: no flapping on noise).
// Windows with fewer chats than the rule's minimum volume, and baselines with fewer than
// MIN_BASELINE_POINTS such weeks, are not judged.

export const BASELINE_WEEKS = 8;
export const MIN_BASELINE_POINTS = 4;
export const FIRE_SCORE = 4;
export const RESOLVE_SCORE = 2;
const MAD_TO_SIGMA = 1.4826;

export type Condition = 'above' | 'below' | 'unusual';
export type State = 'ok' | 'firing' | 'resolved';

export interface RuleSpec {
  condition: Condition;
  threshold: number | null;
  minVolume: number;
  /** The metric is a share between 0 and 1 (escalation rate, CSAT…). */
  isShare: boolean;
}

export interface WindowValue {
  value: number | null;
  /** Chats in the window. */
  volume: number;
}

export interface Judgement {
  /** 'breach': the condition holds; 'clear': it is well clear (resolves); 'within': neither; 'unjudged': too few chats. */
  verdict: 'breach' | 'clear' | 'within' | 'unjudged';
  value: number | null;
  baseline?: { median: number; spread: number; score: number; points: number };
  reason: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function judge(rule: RuleSpec, current: WindowValue, history: readonly WindowValue[]): Judgement {
  const { value } = current;
  if (value === null || current.volume < rule.minVolume) {
    return { verdict: 'unjudged', value, reason: `${current.volume} chats in the window, fewer than the minimum of ${rule.minVolume}` };
  }
  if (rule.condition !== 'unusual') {
    const t = rule.threshold!;
    const breach = rule.condition === 'above' ? value > t : value < t;
    return { verdict: breach ? 'breach' : 'clear', value, reason: `${value} is ${breach ? '' : 'not '}${rule.condition} ${t}` };
  }
  const points = history.filter((h) => h.value !== null && h.volume >= rule.minVolume).map((h) => h.value as number);
  if (points.length < MIN_BASELINE_POINTS) {
    return { verdict: 'unjudged', value, reason: `only ${points.length} of the previous weeks had ${rule.minVolume} chats or more (need ${MIN_BASELINE_POINTS})` };
  }
  const m = median(points);
  const mad = median(points.map((x) => Math.abs(x - m)));
  // The window's own noise (a share's sampling noise at this volume; 5% for other metrics) adds to
  // the baseline's spread, and so does the uncertainty of a median of few weeks.
  const noise = rule.isShare ? Math.sqrt(Math.max(m * (1 - m), 1 / current.volume) / current.volume) : Math.max(0.05 * Math.abs(m), 1e-9);
  const baselineSpread = MAD_TO_SIGMA * mad;
  const spread = Math.sqrt(noise ** 2 + baselineSpread ** 2 * (1 + (1.25 * 1.25) / points.length));
  const score = (value - m) / spread;
  const verdict = Math.abs(score) >= FIRE_SCORE ? 'breach' : Math.abs(score) < RESOLVE_SCORE ? 'clear' : 'within';
  return {
    verdict,
    value,
    baseline: { median: m, spread, score, points: points.length },
    reason: `${value} against a usual ${m} (± ${spread.toPrecision(3)}, ${points.length} weeks): score ${score.toFixed(1)}`,
  };
}

/** The rule's next state, and the transition (fired, resolved) if there is one. */
export function nextState(state: State, verdict: Judgement['verdict']): { state: State; transition: 'fired' | 'resolved' | null } {
  if (state !== 'firing' && verdict === 'breach') return { state: 'firing', transition: 'fired' };
  if (state === 'firing' && verdict === 'clear') return { state: 'resolved', transition: 'resolved' };
  return { state, transition: null };
}
