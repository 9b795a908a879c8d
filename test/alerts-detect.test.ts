// The alert judgement as pure functions: thresholds, minimum volume, the robust baseline, the
// state machine; and on generated seasonal data (bench/alerts-sim.ts, the data of bench:alerts) for
// a few seeds: a planted step fires within two windows, stationary data fires at most once per
// segment, and "what changed" names the planted segment. bench:alerts prints the rates over 40 seeds.
import { describe, expect, it } from 'vitest';
import { evaluate, generate, randomStep, topSegment, WINDOW } from '../bench/alerts-sim.js';
import { judge, nextState, type RuleSpec } from '../src/alerts/detect.js';

const share: RuleSpec = { condition: 'unusual', threshold: null, minVolume: 20, isShare: true };
const steady = Array.from({ length: 8 }, (_, k) => ({ value: 0.1 + (k % 3) * 0.005, volume: 200 }));

describe('judge', () => {
  it('compares with a threshold, and does not judge a window below the minimum volume', () => {
    const above: RuleSpec = { condition: 'above', threshold: 0.2, minVolume: 20, isShare: true };
    expect(judge(above, { value: 0.25, volume: 50 }, []).verdict).toBe('breach');
    expect(judge(above, { value: 0.15, volume: 50 }, []).verdict).toBe('clear');
    expect(judge({ ...above, condition: 'below' }, { value: 0.15, volume: 50 }, []).verdict).toBe('breach');
    expect(judge(above, { value: 0.9, volume: 19 }, []).verdict).toBe('unjudged');
    expect(judge(above, { value: null, volume: 0 }, []).verdict).toBe('unjudged');
  });

  it('finds unusual values against the baseline both ways, and takes sampling noise into account', () => {
    expect(judge(share, { value: 0.1, volume: 200 }, steady).verdict).toBe('clear');
    expect(judge(share, { value: 0.3, volume: 200 }, steady).verdict).toBe('breach');
    expect(judge(share, { value: 0.01, volume: 200 }, steady).verdict).toBe('breach');
    // The same jump on 25 chats is within the noise.
    expect(judge(share, { value: 0.2, volume: 25 }, steady).verdict).not.toBe('breach');
  });

  it('needs at least 4 weeks of baseline with the minimum volume', () => {
    const thin = steady.map((h, k) => (k < 5 ? { ...h, volume: 5 } : h));
    expect(judge(share, { value: 0.5, volume: 200 }, thin).verdict).toBe('unjudged');
  });
});

describe('nextState', () => {
  it('goes ok → firing → resolved → firing, resolving only a whole window after the last breach', () => {
    expect(nextState('ok', 'breach')).toEqual({ state: 'firing', transition: 'fired' });
    expect(nextState('firing', 'breach').transition).toBeNull();
    expect(nextState('firing', 'clear', 5, 24)).toEqual({ state: 'firing', transition: null });
    expect(nextState('firing', 'within', 30, 24).transition).toBeNull();
    expect(nextState('firing', 'clear', 24, 24)).toEqual({ state: 'resolved', transition: 'resolved' });
    expect(nextState('resolved', 'breach').transition).toBe('fired');
    expect(nextState('ok', 'unjudged').transition).toBeNull();
  });
});

describe('on generated seasonal data (3 seeds)', () => {
  for (const seed of [101, 202, 303]) {
    it(`seed ${seed}: the planted step fires within two windows, nothing fires twice, what changed names it`, () => {
      const step = randomStep(seed);
      const stationary = evaluate(generate(seed));
      expect(Math.max(...stationary.map((h) => h.length))).toBeLessThanOrEqual(1);
      const changed = generate(seed, step);
      expect(evaluate(changed)[step.segment].some((h) => h >= step.at && h <= step.at + 2 * WINDOW)).toBe(true);
      expect(topSegment(changed, step.at)).toBe(step.segment);
    }, 30_000);
  }
});
