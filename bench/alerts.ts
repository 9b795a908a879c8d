// npm run bench:alerts — how well the alert rules and "what changed" find a change in generated
// data with weekly seasonality (bench/alerts-sim.ts): for each seed, 120 segments, a rule "escalation
// rate unusual" over a day's window evaluated every hour for 30 simulated days.
//   detection: a step change planted in one segment (rate ×2, at least +15 points) fires within
//     two windows (48 h) of the step;
//   false alarms: on the same data without a step, fires per segment in the 30 days (at most 1);
//   what changed: the week after the step against the week before, over category × language:
//     the planted segment ranked first.
// Prints the rates and the seeds. Env: BENCH_SEEDS (default 40), BENCH_FIRST_SEED (default 1).
import { DAYS, END, evaluate, generate, LAMBDA_MAX, LAMBDA_MIN, randomStep, SEGMENTS, STEP_FACTOR, STEP_MIN, topSegment, WEEKEND, WINDOW } from './alerts-sim.js';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 40);
const FIRST = Number(process.env.BENCH_FIRST_SEED ?? 1);
const started = performance.now();
let detected = 0;
let explained = 0;
let stationaryFires = 0;
let worstSegment = 0;
let segmentsOverOne = 0;
const misses: number[] = [];
const unexplained: number[] = [];
for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
  const step = randomStep(seed);
  const stationary = evaluate(generate(seed));
  for (const hours of stationary) {
    stationaryFires += hours.length;
    worstSegment = Math.max(worstSegment, hours.length);
    if (hours.length > 1) segmentsOverOne++;
  }
  const changed = generate(seed, step);
  const fires = evaluate(changed)[step.segment];
  if (fires.some((h) => h >= step.at && h <= Math.min(END, step.at + 2 * WINDOW))) detected++;
  else misses.push(seed);
  if (topSegment(changed, step.at) === step.segment) explained++;
  else unexplained.push(seed);
}
const pct = (n: number) => `${((100 * n) / SEEDS).toFixed(1)}%`;
console.log(`  simulated: ${LAMBDA_MIN}–${LAMBDA_MAX} chats/hour per segment at busy hours (weekend ×${WEEKEND}); step: rate ×${STEP_FACTOR}, at least +${STEP_MIN * 100} points`);
console.log(`bench:alerts — seeds ${FIRST}..${FIRST + SEEDS - 1} (${SEEDS} runs), ${SEGMENTS} segments, ${DAYS} days evaluated hourly, day window`);
console.log(`  step detected within two windows (48 h):  ${detected}/${SEEDS} = ${pct(detected)}  (target ≥ 95%)${misses.length ? `; missed seeds: ${misses.join(', ')}` : ''}`);
console.log(`  stationary data: ${stationaryFires} fires in ${SEEDS * SEGMENTS} segment-runs of ${DAYS} days; most in one segment: ${worstSegment} (target ≤ 1); segments over 1: ${segmentsOverOne}`);
console.log(`  what changed names the planted segment first: ${explained}/${SEEDS} = ${pct(explained)}  (target ≥ 90%)${unexplained.length ? `; other seeds: ${unexplained.join(', ')}` : ''}`);
console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
