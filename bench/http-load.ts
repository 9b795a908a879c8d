// A fixed amount of POST requests driven by autocannon and timed to the last answer, sized from a
// short warm-up so that a run lasts about as long as asked (bench:ingest).
import autocannon from 'autocannon';

const WARMUP_SECONDS = 3;

/** A request body: the same every time, or made afresh for each request. */
export type Body = string | (() => string);

/** An autocannon request entry that sends `body`. */
function request(headers: Record<string, string>, body: Body, onResponse?: (status: number, body: string) => void) {
  return {
    method: 'POST' as const,
    headers,
    ...(typeof body === 'string' ? { body } : { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }),
    ...(onResponse ? { onResponse } : {}),
  };
}

export interface Run {
  answered: number;
  ok: number;
  other: Record<string, number>;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  body: Body,
  connections: number,
  amount: number,
  onResponse?: (status: number, body: string) => void,
): Promise<Run> {
  // Timed to the last answer: with `amount`, autocannon resolves at its next one-second tick after
  // the last response (up to a second of idle in a 10 s run: the rate read up to 10% low).
  const started = process.hrtime.bigint();
  let lastAnswer = started;
  const result = await autocannon({
    url,
    connections,
    amount,
    timeout: 60,
    requests: [
      request(headers, body, (status: number, responseBody: string) => {
        lastAnswer = process.hrtime.bigint();
        onResponse?.(status, responseBody);
      }),
    ],
  });
  const other: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats as Record<string, { count: number }>)) {
    if (!code.startsWith('2')) other[code] = Number(count);
  }
  const seconds = Number(lastAnswer - started) / 1e9;
  return {
    answered: result['2xx'] + result.non2xx,
    ok: result['2xx'],
    other,
    errors: result.errors,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * A run of `connections` that lasts about `seconds`. A warm-up of WARMUP_SECONDS (on `warmupHeaders`:
 * another organization, since a run cut off by time leaves requests unanswered that the server may
 * still store) measures the rate; the measured run then sends that rate × `seconds` requests and
 * waits for every answer.
 */
export async function timedLoad(
  url: string,
  headers: Record<string, string>,
  warmupHeaders: Record<string, string>,
  body: Body,
  connections: number,
  seconds: number,
  onResponse?: (status: number, body: string) => void,
): Promise<Run> {
  const warmup = await autocannon({ url, connections, duration: WARMUP_SECONDS, requests: [request(warmupHeaders, body)] });
  // The median second, not the mean: the first second of a fresh server is slow (JIT).
  const rate = Math.max(warmup.requests.p50, (warmup['2xx'] + warmup.non2xx) / WARMUP_SECONDS);
  const amount = Math.max(connections, Math.round(rate * seconds));
  return load(url, headers, body, connections, amount, onResponse);
}
