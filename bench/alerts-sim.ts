// Generated data for the alert and "what changed" checks: hourly chats and escalations of 120
// segments (12 question categories × 10 languages) with weekly seasonality — busy weekday office
// hours, quiet nights and weekends, and an escalation rate that itself varies by hour and weekday —
// over 8 weeks of history and 30 days of evaluation. Poisson chats, binomial escalations, seeded.
// Optionally a step change: from hour T on, one planted segment's escalation rate doubles (at least
// +15 points). Each segment has 8–20 chats an hour at busy weekday hours (about 170–430 a weekday,
// half that a weekend day) and a base escalation rate of 5–30%; SIM_* variables change these. The detection itself is the server's own pure code (src/alerts/detect.ts,
// src/what-changed/decompose.ts), run here hourly as the evaluator runs it.
import { Random } from '../src/demo/random.js';
import { judge, nextState, BASELINE_WEEKS, type RuleSpec, type State } from '../src/alerts/detect.js';
import { decompose } from '../src/what-changed/decompose.js';

export const LAMBDA_MIN = Number(process.env.SIM_LAMBDA_MIN ?? 8);
export const LAMBDA_MAX = Number(process.env.SIM_LAMBDA_MAX ?? 20);
export const STEP_FACTOR = Number(process.env.SIM_STEP_FACTOR ?? 2);
export const STEP_MIN = Number(process.env.SIM_STEP_MIN ?? 0.15);
export const WEEKEND = Number(process.env.SIM_WEEKEND ?? 0.5);
export const CATEGORIES = 12;
export const LANGUAGES = 10;
export const SEGMENTS = CATEGORIES * LANGUAGES;
const WEEK = 168;
export const WINDOW = 24; // the rule's window: a day, evaluated every hour
export const START = WINDOW + BASELINE_WEEKS * WEEK; // first evaluation hour (8 weeks of history)
export const DAYS = 30;
export const END = START + DAYS * 24;

function poisson(r: Random, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  for (let p = r.next(); p > l; p *= r.next()) k++;
  return k;
}

function binomial(r: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r.next() < p) k++;
  return k;
}

const volumeShape = (h: number) => {
  const hour = h % 24;
  const weekend = Math.floor(h / 24) % 7 >= 5;
  const office = hour >= 8 && hour < 18 ? 1.8 : hour >= 6 && hour < 21 ? 0.8 : 0.25;
  return office * (weekend ? WEEKEND : 1);
};
const rateShape = (h: number) => (1 + 0.25 * Math.sin((2 * Math.PI * (h % 24)) / 24)) * (Math.floor(h / 24) % 7 >= 5 ? 1.2 : 1);

export interface Series {
  /** Prefix sums per segment: chats[s][h] = chats of segment s in hours [0, h). */
  chats: Float64Array[];
  escalated: Float64Array[];
  baseRate: number[];
}

export interface Step {
  segment: number;
  at: number;
}

export function generate(seed: number, step?: Step): Series {
  const r = new Random(seed);
  const chats: Float64Array[] = [];
  const escalated: Float64Array[] = [];
  const baseRate: number[] = [];
  for (let s = 0; s < SEGMENTS; s++) {
    const lambda = LAMBDA_MIN + r.next() * (LAMBDA_MAX - LAMBDA_MIN); // mean chats per hour at the shape's 1
    const p = 0.05 + r.next() * 0.25;
    baseRate.push(p);
    const c = new Float64Array(END + 1);
    const e = new Float64Array(END + 1);
    for (let h = 0; h < END; h++) {
      const n = poisson(r, lambda * volumeShape(h));
      let rate = Math.min(0.95, p * rateShape(h));
      if (step && s === step.segment && h >= step.at) rate = Math.min(0.95, rate + Math.max(STEP_MIN, rate * (STEP_FACTOR - 1)));
      c[h + 1] = c[h] + n;
      e[h + 1] = e[h] + binomial(r, n, rate);
    }
    chats.push(c);
    escalated.push(e);
  }
  return { chats, escalated, baseRate };
}

const windowOf = (series: Series, s: number, end: number, length = WINDOW) => {
  const n = series.chats[s][end] - series.chats[s][end - length];
  const e = series.escalated[s][end] - series.escalated[s][end - length];
  return { volume: n, value: n > 0 ? e / n : null };
};

export const RULE: RuleSpec = { condition: 'unusual', threshold: null, minVolume: 20, isShare: true };

/** Runs the rule on every segment every hour from START to END: the hours at which each segment fired. */
export function evaluate(series: Series): number[][] {
  const fired: number[][] = [];
  for (let s = 0; s < SEGMENTS; s++) {
    let state: State = 'ok';
    let lastBreach = -Infinity;
    const hours: number[] = [];
    for (let t = START; t < END; t++) {
      const history = Array.from({ length: BASELINE_WEEKS }, (_, k) => windowOf(series, s, t - (k + 1) * WEEK));
      const { verdict } = judge(RULE, windowOf(series, s, t), history);
      if (verdict === 'breach') lastBreach = t;
      const next = nextState(state, verdict, t - lastBreach, WINDOW);
      state = next.state;
      if (next.transition === 'fired') hours.push(t);
    }
    fired.push(hours);
  }
  return fired;
}

/** "What changed" between the week before `at` and the week from `at`, over category × language: the top segment. */
export function topSegment(series: Series, at: number): number {
  const segments = Array.from({ length: SEGMENTS }, (_, s) => {
    const a = windowOf(series, s, at, WEEK);
    const b = windowOf(series, s, at + WEEK, WEEK);
    return { key: { segment: s }, a: { chats: a.volume, value: a.value }, b: { chats: b.volume, value: b.value } };
  });
  return decompose(segments, 'average').contributions[0].key.segment as number;
}

/** A random step: a segment and an hour between the 5th and the 20th evaluation day. */
export function randomStep(seed: number): Step {
  const r = new Random(seed ^ 0x5eed);
  return { segment: r.int(0, SEGMENTS - 1), at: START + r.int(5 * 24, 20 * 24) };
}
