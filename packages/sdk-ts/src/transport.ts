// One HTTP attempt, and the retry rules both the client and the buffered logger follow. Only
// `fetch`, AbortController and setTimeout are used, so this runs on Node ≥ 18, in browsers and on
// edge runtimes alike.
import { apiErrorOf, ChatLoggerError, NetworkError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (the buffered logger retries until it is closed instead). */
  maxRetries: number;
  /** First backoff; doubled on each retry (with jitter), capped at maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  /** Per attempt. */
  timeoutMs: number;
  retry: RetryPolicy;
}

export type Outcome =
  | { ok: true; status: number; body: unknown; replayed: boolean }
  | { ok: false; error: ChatLoggerError; retryable: boolean; retryAfterMs?: number };

/**
 * Answers worth retrying: rate limited (429), unavailable or a proxy's gateway error (502, 503,
 * 504), and the same Idempotency-Key still being written (409 idempotency_key_in_flight).
 */
function retryableStatus(status: number, code: string): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || (status === 409 && code === 'idempotency_key_in_flight');
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (0-based): Retry-After when the server gave one, else backoff with full jitter. */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** retry);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export class Transport {
  constructor(readonly options: TransportOptions) {}

  /** One request; never throws: failures come back as an Outcome saying whether a retry may help. */
  async attempt(method: string, path: string, body: string | undefined, idempotencyKey?: string): Promise<Outcome> {
    const headers: Record<string, string> = { 'x-organization-api-key': this.options.apiKey, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let response: Response;
    try {
      response = await this.options.fetch(this.options.baseUrl + path, { method, headers, body, signal: controller.signal });
    } catch (cause) {
      clearTimeout(timer);
      const timedOut = controller.signal.aborted;
      const error = new NetworkError(timedOut ? `No answer within ${this.options.timeoutMs} ms from ${method} ${path}` : `${method} ${path} failed: ${describe(cause)}`, {
        code: timedOut ? 'timeout' : 'network_error',
        cause,
      });
      return { ok: false, error, retryable: true };
    }
    let parsed: unknown;
    try {
      const text = await response.text();
      parsed = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      clearTimeout(timer);
      // The connection broke while the body was arriving (or it was not JSON, e.g. a proxy's page).
      if (response.ok || retryableStatus(response.status, '')) {
        return { ok: false, error: new NetworkError(`${method} ${path}: the answer could not be read: ${describe(cause)}`, { code: 'network_error', cause }), retryable: true };
      }
      parsed = undefined;
    }
    clearTimeout(timer);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (response.ok) return { ok: true, status: response.status, body: parsed, replayed: response.headers.get('idempotent-replayed') === 'true' };
    const error = apiErrorOf(response.status, parsed, requestId);
    return {
      ok: false,
      error,
      retryable: retryableStatus(response.status, error.code),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    };
  }

  /** `attempt`, retried up to policy.maxRetries times; throws the last error. */
  async send(method: string, path: string, body: string | undefined, idempotencyKey?: string): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(method, path, body, idempotencyKey);
      if (outcome.ok) return outcome.body;
      if (!outcome.retryable || retry >= this.options.retry.maxRetries) throw outcome.error;
      await sleep(retryDelay(this.options.retry, retry, outcome.retryAfterMs));
    }
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh Idempotency-Key: a random UUID (crypto.randomUUID where there is one). */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
