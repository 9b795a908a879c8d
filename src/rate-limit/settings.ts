// What the rate limiter enforces. Defaults here; src/config.ts reads the environment
// (RATE_LIMIT_*, REDIS_URL) into this shape, and buildApp takes it as an option.

export interface TokenRate {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests allowed at once after a quiet spell (the bucket's size). */
  burst: number;
}

export interface AttemptWindow {
  attempts: number;
  windowSeconds: number;
}

export interface RateLimitSettings {
  enabled: boolean;
  /** Per API key. */
  apiKey: TokenRate;
  /** Per API key of the organization with this slug, instead of `apiKey`. */
  orgOverrides: Record<string, TokenRate>;
  /** Per dashboard user (JWT), on every route: writers with a JWT are limited like bots. */
  user: TokenRate;
  /**
   * Bytes of chat-batch bodies per organization (its keys and users together), in bytes per second
   * and a burst in bytes: a 5 MiB batch costs far more than a request, so the request rates alone
   * would let one organization keep the server's event loop busy parsing.
   */
  batchBytes: TokenRate;
  /** POST /auth/login per client IP and e-mail address (password guessing on one account). */
  login: AttemptWindow;
  /** POST /auth/login per client IP, whatever the e-mail (guessing across accounts). */
  loginIp: AttemptWindow;
  /** POST /auth/register per client IP, every attempt (each may cost a password hash and an organization). */
  register: AttemptWindow;
  /** POST /api/v1/users/me/password per user: wrong current-password guesses only. */
  passwordChange: AttemptWindow;
  /** Share the buckets across instances through Redis; in process memory when unset. */
  redisUrl?: string;
  /** Prefix of the Redis keys (default "chatlogger:ratelimit:"), for deployments sharing one Redis. */
  redisKeyPrefix?: string;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  enabled: true,
  apiKey: { ratePerSecond: 100, burst: 200 },
  orgOverrides: {},
  user: { ratePerSecond: 50, burst: 100 },
  batchBytes: { ratePerSecond: 2 * 1024 * 1024, burst: 10 * 1024 * 1024 },
  login: { attempts: 10, windowSeconds: 15 * 60 },
  loginIp: { attempts: 100, windowSeconds: 5 * 60 },
  register: { attempts: 10, windowSeconds: 60 * 60 },
  passwordChange: { attempts: 5, windowSeconds: 15 * 60 },
};
