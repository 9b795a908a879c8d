// Token buckets: `burst` tokens at most, refilled at `ratePerSecond`; a request takes one token or
// is refused. Kept in process memory by default, or in Redis (one hash per bucket, updated by a Lua
// script so that check-and-take is atomic across instances).
import type { Redis } from 'ioredis';

export interface BucketPolicy {
  /** The policy's name in the RateLimit-Policy / RateLimit headers. */
  name: string;
  burst: number;
  ratePerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Milliseconds until one token is available (0 when one is). */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

export interface BucketStore {
  /** Takes `cost` tokens (default 1) from the bucket `key` under `policy`; a negative cost gives tokens back. */
  take(key: string, policy: BucketPolicy, cost?: number): Promise<TakeResult>;
  close(): Promise<void>;
}

function result(tokens: number, allowed: boolean, policy: BucketPolicy): TakeResult {
  const perMs = policy.ratePerSecond / 1000;
  return {
    allowed,
    remaining: Math.max(0, Math.floor(tokens)),
    retryAfterMs: tokens >= 1 ? 0 : (1 - tokens) / perMs,
    resetMs: Math.max(0, (policy.burst - tokens) / perMs),
  };
}

/**
 * Buckets in this process's memory; full buckets are forgotten (they equal a new one). At most
 * `maxBuckets` are kept (a flood of distinct IPs on /auth/login must not grow memory without end):
 * past that, the least recently used are dropped, which only ever lets a caller through sooner.
 */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number; fullAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly maxBuckets = 500_000,
  ) {}

  async take(key: string, policy: BucketPolicy, cost = 1): Promise<TakeResult> {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now);
    const perMs = policy.ratePerSecond / 1000;
    const bucket = this.buckets.get(key);
    let tokens = bucket ? Math.min(policy.burst, bucket.tokens + (now - bucket.at) * perMs) : policy.burst;
    const allowed = tokens >= cost;
    if (allowed) tokens = Math.min(policy.burst, tokens - cost);
    this.buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.buckets.set(key, { tokens, at: now, fullAt: now + (policy.burst - tokens) / perMs });
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    return result(tokens, allowed, policy);
  }

  /** Drops buckets that have refilled, so memory follows the callers active in the last window. */
  private sweep(now: number) {
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
    this.nextSweep = now + 10_000;
  }

  get size() {
    return this.buckets.size;
  }

  async close() {
    this.buckets.clear();
  }
}

// KEYS[1] = bucket; ARGV = burst, tokens per millisecond, cost (negative: give back), and optionally
// the time in milliseconds. Without it time comes from the Redis server, so that instances with
// skewed clocks share one view (only tests pass a time: a clock they advance instead of sleeping). Returns {allowed, tokens as a string} (Lua numbers
// would be truncated to integers on the way out).
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
else
  tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
end
local allowed = 0
if tokens >= cost then
  tokens = math.min(burst, tokens - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / per_ms) + 1000)
return {allowed, tostring(tokens)}
`;

type RedisWithTake = Redis & { rateLimitTake(key: string, burst: number, perMs: number, cost: number, ...now: number[]): Promise<[number, string]> };

/**
 * Buckets in Redis, shared by every instance. When Redis cannot answer (down, slow, not yet
 * connected) the request is allowed and a warning is logged at most every 10 s: losing the limiter
 * for a while is better than failing every request.
 */
export class RedisBucketStore implements BucketStore {
  private readonly redis: RedisWithTake;
  private lastWarning = 0;

  constructor(
    redis: Redis,
    private readonly warn: (err: unknown, message: string) => void,
    private readonly prefix = 'chatlogger:ratelimit:',
    /** Milliseconds; by default the Redis server's clock. */
    private readonly now?: () => number,
  ) {
    redis.defineCommand('rateLimitTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    redis.on('error', (err) => this.warnOnce(err));
    this.redis = redis as RedisWithTake;
  }

  private warnOnce(err: unknown) {
    const now = Date.now();
    if (now - this.lastWarning < 10_000) return;
    this.lastWarning = now;
    this.warn(err, 'rate limiter: Redis unavailable, allowing requests without a limit');
  }

  async take(key: string, policy: BucketPolicy, cost = 1): Promise<TakeResult> {
    try {
      const [allowed, tokens] = await this.redis.rateLimitTake(this.prefix + key, policy.burst, policy.ratePerSecond / 1000, cost, ...(this.now ? [this.now()] : []));
      return result(Number(tokens), allowed === 1, policy);
    } catch (err) {
      this.warnOnce(err);
      return { allowed: true, remaining: policy.burst, retryAfterMs: 0, resetMs: 0 };
    }
  }

  async close() {
    this.redis.disconnect();
  }
}
