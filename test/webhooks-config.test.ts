import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('webhook and alert settings', () => {
  it('refuses private receivers and evaluates alerts every minute by default', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, alertIntervalSeconds: 60 });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'true', ALERT_EVALUATION_INTERVAL_SECONDS: '300' }).webhooks).toEqual({ allowPrivate: true, alertIntervalSeconds: 300 });
  });

  it.each([
    [{ WEBHOOK_ALLOW_PRIVATE: 'sometimes' }, 'WEBHOOK_ALLOW_PRIVATE must be true or false'],
    [{ ALERT_EVALUATION_INTERVAL_SECONDS: '0' }, 'ALERT_EVALUATION_INTERVAL_SECONDS must be a positive integer'],
    [{ ALERT_EVALUATION_INTERVAL_SECONDS: '1.5' }, 'ALERT_EVALUATION_INTERVAL_SECONDS must be a positive integer'],
  ])('refuses %o', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });
});
