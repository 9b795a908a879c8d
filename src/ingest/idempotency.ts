// Idempotency-Key on the create endpoints (a chat, a batch of chats, a message).
//
// A key is scoped to the caller's organization. The first successful answer to a key is stored in
// idempotency_keys in the same transaction as the rows it created, so the key and the write are
// committed together or not at all. Within 24 hours:
//   - the same key with the same request (operation + canonical JSON body) replays that answer
//     (same status and body, same chat_id), with `Idempotent-Replayed: true`, and writes nothing;
//   - the same key with another request is 422;
//   - the same key while its first request is still being written is 409.
// Only successes are stored: a 400 or a 404 leaves the key free, so a corrected retry can use it.
//
// In flight, across instances. The "in flight" state is not a row: a row claimed in its own,
// earlier transaction would break "stored in the same transaction as the write" (a crash between
// the two would leave a key that answers 409 forever, or a write without its key). Instead:
//   - within one process, a map of the keys being written answers 409 at once (InFlightKeys);
//   - across processes, the write transaction claims the key first with
//     INSERT ... ON CONFLICT DO NOTHING on the primary key (organization_id, key). If another
//     instance holds the same key in an open transaction, PostgreSQL makes this insert wait for it;
//     when that transaction commits, the claim finds the row and is lost, writes nothing, and the
//     request is answered from the committed row (replay, or 422 for another body). If it rolls
//     back, the claim succeeds. So two instances never both write for one key.
//   The claim is written with placeholder status 0 and completed with the answer before COMMIT;
//   other transactions never see the placeholder.
// Expired rows (older than 24 h) are taken over by the claim (ON CONFLICT DO UPDATE ... WHERE
// expired) and deleted in the background at most every 10 minutes per process.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type pg from 'pg';
import { badRequest, HttpError } from '../http/errors.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
const CLEANUP_INTERVAL_MS = 10 * 60_000;

export interface IdempotencyRequest {
  key: string;
  /** SHA-256 of the operation and the canonical body. */
  hash: string;
}

/** What a create endpoint answers: fresh, or replayed from a key. */
export interface Answer<B = unknown> {
  status: number;
  body: B;
  replayed: boolean;
}

// No body the API takes is nested half as deep; a deeper one (a batch item of 10,000 nested
// arrays) overflowed the stack of the recursion below: a 500 instead of a 400.
export const MAX_NESTING = 32;

/** JSON with object keys sorted, so that the same body in another key order hashes the same. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_NESTING && value !== null && typeof value === 'object') {
    throw badRequest(`The request body is nested more than ${MAX_NESTING} levels deep`);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(operation: string, body: unknown): string {
  return crypto.createHash('sha256').update(operation).update('\n').update(canonicalJson(body)).digest('hex');
}

/**
 * The request's Idempotency-Key with the hash of `operation` and `body`; undefined without the
 * header; 400 when it is not 1–255 printable ASCII characters.
 */
export function idempotencyOf(request: FastifyRequest, operation: string, body: unknown): IdempotencyRequest | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(', ') : raw;
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters', 'Idempotency-Key');
  }
  return { key, hash: requestHash(operation, body) };
}

export const keyReused = () =>
  new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request');
export const keyInFlight = () =>
  new HttpError(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key is still being processed; retry shortly', undefined, {
    'retry-after': '1',
  });

/** The keys this process is writing right now (see the header comment). */
export class InFlightKeys {
  private readonly keys = new Map<string, string>();

  /** Runs `write` while holding the key; 409 (same request) or 422 (another) if it is held already. */
  async hold<T>(organizationId: number, idem: IdempotencyRequest | undefined, write: () => Promise<T>): Promise<T> {
    if (idem === undefined) return write();
    const id = `${organizationId}:${idem.key}`;
    const holder = this.keys.get(id);
    if (holder !== undefined) throw holder === idem.hash ? keyInFlight() : keyReused();
    this.keys.set(id, idem.hash);
    try {
      return await write();
    } finally {
      this.keys.delete(id);
    }
  }
}

export interface KeyRef {
  organizationId: number;
  key: string;
}

export interface KeyClaim extends KeyRef {
  hash: string;
}

const refId = (r: KeyRef) => `${r.organizationId}:${r.key}`;

/**
 * Claims keys in the open transaction; returns the ids ("org:key") of those claimed. A key held by
 * another open transaction makes this wait for it. The claims must be distinct.
 */
export async function claimKeys(client: pg.ClientBase, claims: KeyClaim[]): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const { rows } = await client.query<{ organization_id: number; key: string }>(
    `INSERT INTO idempotency_keys AS k (organization_id, key, request_hash, status_code, response_body)
     SELECT o, k, h, 0, 'null'::jsonb FROM unnest($1::bigint[], $2::text[], $3::text[]) AS x(o, k, h)
     ORDER BY o, k
     ON CONFLICT (organization_id, key) DO UPDATE
       SET request_hash = excluded.request_hash, status_code = 0, response_body = 'null'::jsonb, created_at = now()
       WHERE k.created_at < now() - interval '24 hours'
     RETURNING organization_id, key`,
    [claims.map((c) => c.organizationId), claims.map((c) => c.key), claims.map((c) => c.hash)],
  );
  return new Set(rows.map((r) => refId({ organizationId: r.organization_id, key: r.key })));
}

/** Stores the answers of claimed keys (same transaction). */
export async function completeKeys(client: pg.ClientBase, done: (KeyRef & { status: number; body: unknown })[]): Promise<void> {
  if (done.length === 0) return;
  await client.query(
    `UPDATE idempotency_keys AS k SET status_code = x.s, response_body = x.b
     FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::jsonb[]) AS x(o, k, s, b)
     WHERE k.organization_id = x.o AND k.key = x.k`,
    [done.map((d) => d.organizationId), done.map((d) => d.key), done.map((d) => d.status), done.map((d) => JSON.stringify(d.body))],
  );
}

/** Gives claimed keys back (their request wrote nothing: a 404), in the same transaction. */
export async function releaseKeys(client: pg.ClientBase, refs: KeyRef[]): Promise<void> {
  if (refs.length === 0) return;
  await client.query(
    `DELETE FROM idempotency_keys AS k USING unnest($1::bigint[], $2::text[]) AS x(o, k)
     WHERE k.organization_id = x.o AND k.key = x.k`,
    [refs.map((r) => r.organizationId), refs.map((r) => r.key)],
  );
}

/**
 * Answers for keys whose claim was lost: the committed row's answer when the request is the same
 * (replayed), 422 when it is not, 409 if the row vanished (it cannot normally: it is fresh).
 */
export async function answersOfLostClaims(client: pg.ClientBase, lost: KeyClaim[]): Promise<Map<string, Answer | HttpError>> {
  const answers = new Map<string, Answer | HttpError>();
  if (lost.length === 0) return answers;
  const { rows } = await client.query<{ organization_id: number; key: string; request_hash: string; status_code: number; response_body: unknown }>(
    `SELECT organization_id, key, request_hash, status_code, response_body FROM idempotency_keys AS k
     JOIN unnest($1::bigint[], $2::text[]) AS x(o, k) ON k.organization_id = x.o AND k.key = x.k`,
    [lost.map((c) => c.organizationId), lost.map((c) => c.key)],
  );
  const stored = new Map(rows.map((r) => [refId({ organizationId: r.organization_id, key: r.key }), r]));
  for (const claim of lost) {
    const row = stored.get(refId(claim));
    answers.set(
      refId(claim),
      !row || row.status_code === 0
        ? keyInFlight()
        : row.request_hash !== claim.hash
          ? keyReused()
          : { status: row.status_code, body: row.response_body, replayed: true },
    );
  }
  return answers;
}

export { refId as keyId };

const lastCleanup = new WeakMap<pg.Pool, number>();

/** Deletes expired keys in the background, at most every 10 minutes per pool. Errors are ignored. */
export function cleanUpExpiredKeys(pool: pg.Pool): void {
  const now = Date.now();
  if (now - (lastCleanup.get(pool) ?? 0) < CLEANUP_INTERVAL_MS) return;
  lastCleanup.set(pool, now);
  pool.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`).catch(() => {});
}

/** Sends a create endpoint's answer; a replay says so in `Idempotent-Replayed: true`. */
export function sendAnswer(reply: FastifyReply, answer: Answer) {
  if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
  return reply.code(answer.status).send(answer.body);
}

/** The Idempotency-Key header in a route's schema (its rules are checked by idempotencyOf). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Optional, 1–255 printable ASCII characters, scoped to the organization. Within 24 hours the same key with the same body ' +
        'replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another body it is 422; ' +
        'while the first request is still being written, 409.',
    }),
  ),
});
