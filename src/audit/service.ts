// Writing the audit log from the features. `audited` runs an action and its entry in one
// transaction: if the entry cannot be written, the action is rolled back and the request fails
// (nothing happens unaudited). Reads that are audited (a transcript opened) run the same way, so
// the answer leaves only once its entry is committed.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import type { AppDeps } from '../http/context.js';
import { appendEntry, type AuditActor, type AuditEvent, type AuditRow } from './repository.js';

export type { AuditEvent } from './repository.js';

/** Who is calling, for the log: the signed-in user or the API key, with the client's address. */
export function actorOf(request: FastifyRequest): AuditActor {
  const p = request.principal;
  if (!p) throw new Error('audited route without a principal');
  return p.kind === 'user'
    ? { organizationId: p.organizationId, actorType: 'user', actorId: p.userId, ip: request.ip }
    : { organizationId: p.organizationId, actorType: 'api_key', actorId: p.apiKeyId, ip: request.ip };
}

/**
 * Runs `action` in a transaction (its deps.db is that transaction), then appends the entry that
 * `event` makes of its result, in the same transaction.
 */
export async function audited<T>(
  request: FastifyRequest,
  event: AuditEvent | ((result: T) => AuditEvent),
  action: (deps: AppDeps) => Promise<T>,
): Promise<T> {
  const deps = request.server.deps;
  const actor = actorOf(request);
  return deps.db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const result = await action({ ...deps, db: txDb });
    await appendEntry(txDb, actor, typeof event === 'function' ? event(result) : event);
    return result;
  });
}

/**
 * Appends an entry on its own (a failed sign-in, an entry written before a streamed export). Its
 * own transaction: the head's row lock must be held until the entry is written, or two entries
 * written at once on two pool connections would both take the same seq.
 */
export function recordAudit(db: Db, actor: AuditActor, event: AuditEvent): Promise<AuditRow> {
  return db.transaction((tx) => appendEntry(tx as unknown as Db, actor, event));
}
