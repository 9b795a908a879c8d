// Configuration read from the environment (src/config.ts): the rate limits and TRUST_PROXY as
// parsed, and a one-line ConfigError naming the variable for a bad value. (Start-up refusals of
// the server itself are in test/server.test.ts.)
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { depsOptionsOf } from '../src/deps.js';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limit/settings.js';

describe('configuration', () => {
  it('reads the defaults and the overrides from the environment', () => {
    expect(loadConfig({}).rateLimit).toEqual({ ...DEFAULT_RATE_LIMITS, redisUrl: undefined });
    const config = loadConfig({
      RATE_LIMIT_API_KEY_RPS: '2.5',
      RATE_LIMIT_API_KEY_BURST: '10',
      RATE_LIMIT_ORG_OVERRIDES: 'acme-hr=500:1000, other=50:100',
      RATE_LIMIT_LOGIN: '5:600',
      RATE_LIMIT_LOGIN_IP: '50:60',
      RATE_LIMIT_USER_RPS: '20',
      RATE_LIMIT_USER_BURST: '40',
      RATE_LIMIT_REGISTER: '3:600',
      RATE_LIMIT_BATCH_MB_PER_SECOND: '0.5',
      RATE_LIMIT_BATCH_MB_BURST: '8',
      RATE_LIMIT_PASSWORD_CHANGE: '4:300',
      RATE_LIMIT_ENABLED: 'false',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
    }).rateLimit!;
    expect(config).toEqual({
      enabled: false,
      apiKey: { ratePerSecond: 2.5, burst: 10 },
      orgOverrides: { 'acme-hr': { ratePerSecond: 500, burst: 1000 }, other: { ratePerSecond: 50, burst: 100 } },
      login: { attempts: 5, windowSeconds: 600 },
      loginIp: { attempts: 50, windowSeconds: 60 },
      user: { ratePerSecond: 20, burst: 40 },
      batchBytes: { ratePerSecond: 0.5 * 1024 * 1024, burst: 8 * 1024 * 1024 },
      register: { attempts: 3, windowSeconds: 600 },
      passwordChange: { attempts: 4, windowSeconds: 300 },
      redisUrl: 'redis://127.0.0.1:6379/2',
    });
  });

  it('reads the batch queue budget (BATCH_QUEUE_MB, BATCH_QUEUE_MB_PER_ORG) and COOKIE_SECURE (unset: by protocol)', () => {
    expect(loadConfig({}).batchQueue).toEqual({ maxBytes: 48 * 1024 * 1024, maxBytesPerOrganization: 24 * 1024 * 1024 });
    expect(loadConfig({ BATCH_QUEUE_MB: '100', BATCH_QUEUE_MB_PER_ORG: '30' }).batchQueue).toEqual({ maxBytes: 100 * 1024 * 1024, maxBytesPerOrganization: 30 * 1024 * 1024 });
    // A share larger than the whole is the whole.
    expect(loadConfig({ BATCH_QUEUE_MB: '10', BATCH_QUEUE_MB_PER_ORG: '30' }).batchQueue).toEqual({ maxBytes: 10 * 1024 * 1024, maxBytesPerOrganization: 10 * 1024 * 1024 });
    expect(loadConfig({}).cookieSecure).toBeUndefined();
    expect(loadConfig({ COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('reads RETENTION_INTERVAL_SECONDS (default one hour, 0 turns the job off) and refuses a bad value', () => {
    expect(loadConfig({}).retentionIntervalSeconds).toBe(3600);
    expect(loadConfig({ RETENTION_INTERVAL_SECONDS: '600' }).retentionIntervalSeconds).toBe(600);
    expect(loadConfig({ RETENTION_INTERVAL_SECONDS: '0' }).retentionIntervalSeconds).toBe(0);
    for (const bad of ['-1', 'hourly', '1.5']) expect(() => loadConfig({ RETENTION_INTERVAL_SECONDS: bad })).toThrow(ConfigError);
  });

  it('reads the summary sketch settings (SKETCH_MIN_DAY_CHATS, ANALYTICS_EXACT_MAX_CHATS, SKETCH_BUILD_INTERVAL_MS) and refuses a bad value', () => {
    expect(loadConfig({}).sketches).toEqual({ minDayChats: 1000, exactMaxChats: 50_000, intervalMs: 10_000 });
    expect(loadConfig({ SKETCH_MIN_DAY_CHATS: '50', ANALYTICS_EXACT_MAX_CHATS: '2000000', SKETCH_BUILD_INTERVAL_MS: '500' }).sketches).toEqual({
      minDayChats: 50,
      exactMaxChats: 2_000_000,
      intervalMs: 500,
    });
    for (const name of ['SKETCH_MIN_DAY_CHATS', 'ANALYTICS_EXACT_MAX_CHATS', 'SKETCH_BUILD_INTERVAL_MS']) {
      for (const bad of ['0', '-1', '1.5', 'many']) expect(() => loadConfig({ [name]: bad })).toThrow(`${name} must be a positive integer, got "${bad}"`);
    }
  });

  it('reads WORKS_COUNCIL_CACHED_CELLS, hands it to the deps, and refuses a bad value', () => {
    expect(loadConfig({}).councilCachedCells).toBe(2_000_000);
    const config = loadConfig({ WORKS_COUNCIL_CACHED_CELLS: '250000' });
    expect(depsOptionsOf(config, 'secret').councilCachedCells).toBe(250_000);
    for (const bad of ['0', '-1', '1.5', 'many']) {
      expect(() => loadConfig({ WORKS_COUNCIL_CACHED_CELLS: bad })).toThrow(`WORKS_COUNCIL_CACHED_CELLS must be a positive integer, got "${bad}"`);
    }
  });

  it('reads the embedded database memory settings (EMBEDDED_*_MB) and refuses a bad value', () => {
    expect(loadConfig({}).embeddedMemory).toEqual({});
    expect(loadConfig({ EMBEDDED_SHARED_BUFFERS_MB: '32', EMBEDDED_WORK_MEM_MB: '2', EMBEDDED_MAINTENANCE_WORK_MEM_MB: '64' }).embeddedMemory).toEqual({
      sharedBuffersMb: 32,
      workMemMb: 2,
      maintenanceWorkMemMb: 64,
    });
    for (const bad of ['0', '-1', '1.5', '16MB', '1025']) {
      expect(() => loadConfig({ EMBEDDED_SHARED_BUFFERS_MB: bad })).toThrow(/EMBEDDED_SHARED_BUFFERS_MB/);
    }
    expect(() => loadConfig({ EMBEDDED_WORK_MEM_MB: 'lots' })).toThrow(ConfigError);
  });

  it('reads TRUST_PROXY as a number of hops or a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, fd00::/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
  });

  it.each([
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY must be a number of proxy hops or a comma-separated list'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'got "10.0.0.0/33"'],
    [{ TRUST_PROXY: '127.0.0.1, proxy.example.com' }, 'got "proxy.example.com"'],
    [{ TRUST_PROXY: ',' }, 'TRUST_PROXY must be a number of proxy hops'],
    [{ TRUST_PROXY: '21' }, 'TRUST_PROXY as a number of proxy hops must be at most 20'],
    [{ RATE_LIMIT_API_KEY_RPS: 'fast' }, 'RATE_LIMIT_API_KEY_RPS must be a positive number'],
    [{ RATE_LIMIT_API_KEY_RPS: '0' }, 'RATE_LIMIT_API_KEY_RPS must be a positive number'],
    [{ RATE_LIMIT_API_KEY_BURST: '1.5' }, 'RATE_LIMIT_API_KEY_BURST must be a positive integer'],
    [{ RATE_LIMIT_ORG_OVERRIDES: 'acme=fast' }, 'RATE_LIMIT_ORG_OVERRIDES must look like'],
    [{ RATE_LIMIT_ORG_OVERRIDES: 'acme=1:0' }, 'RATE_LIMIT_ORG_OVERRIDES (acme) must be a positive integer'],
    [{ RATE_LIMIT_LOGIN: '10' }, 'RATE_LIMIT_LOGIN must be ATTEMPTS:SECONDS'],
    [{ RATE_LIMIT_LOGIN_IP: '0:60' }, 'RATE_LIMIT_LOGIN_IP must be ATTEMPTS:SECONDS'],
    [{ RATE_LIMIT_ENABLED: 'perhaps' }, 'RATE_LIMIT_ENABLED must be true or false'],
    [{ RATE_LIMIT_USER_RPS: '-1' }, 'RATE_LIMIT_USER_RPS must be a positive number'],
    [{ RATE_LIMIT_REGISTER: 'lots' }, 'RATE_LIMIT_REGISTER must be ATTEMPTS:SECONDS'],
    [{ RATE_LIMIT_PASSWORD_CHANGE: '5:0' }, 'RATE_LIMIT_PASSWORD_CHANGE must be ATTEMPTS:SECONDS'],
    [{ RATE_LIMIT_BATCH_MB_PER_SECOND: 'lots' }, 'RATE_LIMIT_BATCH_MB_PER_SECOND must be a positive number'],
    [{ BATCH_QUEUE_MB: '4' }, 'BATCH_QUEUE_MB must be at least 5 (one full batch body)'],
    [{ BATCH_QUEUE_MB_PER_ORG: '2.5' }, 'BATCH_QUEUE_MB_PER_ORG must be a positive integer'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL must start with redis://'],
  ])('refuses %o', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });
});
