// The judgement of an alert rule, as pure functions over numbers (so that the benchmark can run
// them over generated series; the evaluator feeds them the analytics API's values).
//
// above / below: the window's value against the threshold. unusual: against a robust baseline,
// the same window at the same weekday and hour in each of the previous BASELINE_WEEKS weeks; its
// median and MAD (scaled to a standard deviation, 1.4826 × MAD). The spread a value is judged
// against is at least the window's own noise — for a share (a rate between 0 and 1) its sampling
// noise sqrt(p(1-p)/n) at the window's volume n, for other metrics 5% of the median — so that a
// perfectly steady baseline does not make every wobble "unusual"; plus the baseline's variation
// beyond that noise, and the uncertainty of a median of k weeks (variance × (1 + 1.57/k)). The robust score is (value − median) / spread: an alert
// fires beyond FIRE_SCORE and resolves back within RESOLVE_SCORE (hysteresis: no flapping on noise).
// Windows with fewer chats than the rule's minimum volume, and baselines with fewer than
// MIN_BASELINE_POINTS such weeks, are not judged.

export const BASELINE_WEEKS = 8;
export const MIN_BASELINE_POINTS = 4;
export const FIRE_SCORE = 4.5;
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
    return { verdict: breach ? 'breach' : 'clear', value, reason: `${Number(value.toPrecision(3))} is ${breach ? '' : 'not '}${rule.condition} ${t}` };
  }
  const points = history.filter((h) => h.value !== null && h.volume >= rule.minVolume).map((h) => h.value as number);
  if (points.length < MIN_BASELINE_POINTS) {
    return { verdict: 'unjudged', value, reason: `only ${points.length} of the previous weeks had ${rule.minVolume} chats or more (need ${MIN_BASELINE_POINTS})` };
  }
  // Shares are judged on the arcsine scale, where their sampling noise is 1/(2√n) whatever the
  // rate (on the plain scale a small rate's noise is skewed: a few extra escalations look huge).
  const scale = rule.isShare ? (x: number) => Math.asin(Math.sqrt(Math.min(1, Math.max(0, x)))) : (x: number) => x;
  const xs = points.map(scale);
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  // The window's own noise (a share's sampling noise at this volume; 5% of the median for other
  // metrics). The baseline's spread already holds such noise; what it has beyond that (real
  // week-to-week variation) adds to it, and so does the uncertainty of a median of k weeks.
  const noise = rule.isShare ? 1 / (2 * Math.sqrt(current.volume)) : Math.max(0.05 * Math.abs(m), 1e-9);
  const baselineSpread = MAD_TO_SIGMA * mad;
  const excess = Math.max(0, baselineSpread ** 2 - noise ** 2);
  const spread = Math.sqrt((noise ** 2 + excess) * (1 + 1.57 / points.length));
  const score = (scale(value) - m) / spread;
  const usual = rule.isShare ? Math.sin(m) ** 2 : m;
  const verdict = Math.abs(score) >= FIRE_SCORE ? 'breach' : Math.abs(score) < RESOLVE_SCORE ? 'clear' : 'within';
  return {
    verdict,
    value,
    baseline: { median: usual, spread, score, points: points.length },
    reason: `${Number(value.toPrecision(3))} against a usual ${Number(usual.toPrecision(3))} (${points.length} weeks): robust score ${score.toFixed(1)}`,
  };
}

/**
 * The rule's next state, and the transition (fired, resolved) if there is one. A firing rule
 * resolves only once it is clear and a whole window has passed since its last breach, so that the
 * overlapping windows of one episode (evaluated every hour, a day long) never fire it twice.
 */
export function nextState(state: State, verdict: Judgement['verdict'], sinceLastBreachMs = Infinity, windowMs = 0): { state: State; transition: 'fired' | 'resolved' | null } {
  if (state !== 'firing' && verdict === 'breach') return { state: 'firing', transition: 'fired' };
  if (state === 'firing' && verdict === 'clear' && sinceLastBreachMs >= windowMs) return { state: 'resolved', transition: 'resolved' };
  return { state, transition: null };
}
