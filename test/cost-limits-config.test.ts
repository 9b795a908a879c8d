// The cost limits' variables: read from the environment, a bad value stops start-up naming the
// variable, and every one is listed in the README's Limits table with its default.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { COST_LIMIT_VARIABLES, DEFAULT_COST_LIMITS, type CostLimits } from '../src/cost-limits/settings.js';

describe('cost limits from the environment', () => {
  it('takes the defaults, and each variable sets its own bound only', () => {
    expect(loadConfig({}).costLimits).toEqual(DEFAULT_COST_LIMITS);
    for (const [key, name] of Object.entries(COST_LIMIT_VARIABLES) as [keyof CostLimits, string][]) {
      const limits = loadConfig({ [name]: '7' }).costLimits!;
      expect(limits[key]).toBe(7);
      expect({ ...limits, [key]: DEFAULT_COST_LIMITS[key] }).toEqual(DEFAULT_COST_LIMITS);
    }
  });

  it('stops start-up on a value that is not a positive integer, naming the variable', () => {
    for (const bad of ['0', '-1', '1.5', 'ten', '1e3']) {
      expect(() => loadConfig({ EXPORT_QUOTA_BYTES_PER_ORG: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ EXPORT_QUOTA_BYTES_PER_ORG: bad })).toThrow(/EXPORT_QUOTA_BYTES_PER_ORG must be a positive integer/);
    }
  });

  it('lists every variable in the README Limits table with its default', () => {
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Limits'), readme.indexOf('\n## ', readme.indexOf('## Limits') + 1));
    expect(section).toContain('| bound | default | variable |');
    for (const [key, name] of Object.entries(COST_LIMIT_VARIABLES) as [keyof CostLimits, string][]) {
      const row = section.split('\n').find((line) => line.endsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      expect(row!.split('|').at(-3)!.trim().split(' ')[0], name).toBe(String(DEFAULT_COST_LIMITS[key]));
    }
  });
});
