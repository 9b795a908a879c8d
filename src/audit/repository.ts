// SQL of the audit log. Appending locks the organization's chain head (audit_heads) until the
// transaction ends, so the entries of one organization get contiguous seq numbers and each one
// the hash of the one before, whatever the number of server instances.
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { auditEntries } from '../db/schema.js';
import { detailsDigest, entryHash, GENESIS_HASH } from './chain.js';

export type ActorType = 'user' | 'api_key' | 'system' | 'operator';

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  details?: Record<string, unknown> | null;
}

export interface AuditActor {
  organizationId: number;
  actorType: ActorType;
  actorId?: number | null;
  /** Stored as given (the CLI's operator); otherwise the user's e-mail or the key's label, looked up. */
  actorLabel?: string | null;
  /** The client's address as seen by the server; kept per the organization's IP setting. */
  ip?: string | null;
}

export type AuditRow = typeof auditEntries.$inferSelect;

type Head = { seq: number; hash: string; ip: string | null; label: string | null };

/** Appends one entry in the open transaction `db` (which must be one: see recordAudit). */
export async function appendEntry(db: Db, actor: AuditActor, event: AuditEvent): Promise<AuditRow> {
  const org = actor.organizationId;
  const actorId = actor.actorId ?? null;
  const label =
    actor.actorLabel !== undefined && actor.actorLabel !== null
      ? sql`${actor.actorLabel}::text`
      : actor.actorType === 'user' && actorId !== null
        ? sql`(SELECT email FROM users WHERE organization_id = ${org} AND id = ${actorId})`
        : actor.actorType === 'api_key' && actorId !== null
          ? sql`(SELECT label FROM api_keys WHERE organization_id = ${org} AND id = ${actorId})`
          : sql`NULL::text`;
  // Creates the head on first use and locks it (DO UPDATE takes the row lock) in one statement.
  const { rows } = await db.execute<Head>(sql`
    INSERT INTO audit_heads AS h (organization_id, seq, hash, pruned_seq, pruned_hash)
    VALUES (${org}, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH})
    ON CONFLICT (organization_id) DO UPDATE SET seq = h.seq
    RETURNING h.seq::float8 AS seq, h.hash, privacy_ip(${org}, ${actor.ip ?? null}::text) AS ip, ${label} AS label`);
  const head = rows[0];
  const targetId = event.targetId === undefined || event.targetId === null ? null : String(event.targetId);
  const details = event.details ?? null;
  const digest = detailsDigest(targetId, details);
  const fields = {
    organizationId: org,
    seq: Number(head.seq) + 1,
    createdAt: new Date(),
    actorType: actor.actorType,
    actorId,
    actorLabel: head.label,
    action: event.action,
    targetType: event.targetType ?? null,
    ip: head.ip,
  };
  const hash = entryHash(head.hash, fields, digest);
  const row: AuditRow = { ...fields, targetId, details, detailsDigest: digest, pseudonymizedAt: null, prevHash: head.hash, hash };
  await db.execute(sql`
    WITH entry AS (
      INSERT INTO audit_entries (organization_id, seq, created_at, actor_type, actor_id, actor_label, action, target_type,
        target_id, ip, details, details_digest, prev_hash, hash)
      VALUES (${org}, ${row.seq}, ${row.createdAt.toISOString()}, ${row.actorType}, ${actorId}, ${row.actorLabel}, ${row.action},
        ${row.targetType}, ${targetId}, ${row.ip}, ${details === null ? null : JSON.stringify(details)}::jsonb, ${digest}, ${head.hash}, ${hash}))
    UPDATE audit_heads SET seq = ${row.seq}, hash = ${hash} WHERE organization_id = ${org}`);
  return row;
}

export interface AuditFilter {
  action?: string;
  actorId?: number;
  actorType?: string;
  targetType?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
  /** Entries before this seq (the cursor: newest first). */
  beforeSeq?: number;
}

function where(organizationId: number, f: AuditFilter): SQL {
  const t = auditEntries;
  const conditions: (SQL | undefined)[] = [
    eq(t.organizationId, organizationId),
    // "member." matches every member action; "member.removed" only that one.
    f.action === undefined ? undefined : f.action.endsWith('.') ? sql`starts_with(${t.action}, ${f.action})` : eq(t.action, f.action),
    f.actorId === undefined ? undefined : eq(t.actorId, f.actorId),
    f.actorType === undefined ? undefined : eq(t.actorType, f.actorType),
    f.targetType === undefined ? undefined : eq(t.targetType, f.targetType),
    f.targetId === undefined ? undefined : eq(t.targetId, f.targetId),
    f.since === undefined ? undefined : gte(t.createdAt, f.since),
    f.until === undefined ? undefined : lte(t.createdAt, f.until),
    f.beforeSeq === undefined ? undefined : lt(t.seq, f.beforeSeq),
  ];
  return and(...conditions)!;
}

/** Newest first. */
export function listEntries(db: Db, organizationId: number, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEntries).where(where(organizationId, filter)).orderBy(desc(auditEntries.seq)).limit(limit);
}

/** Oldest first from `afterSeq` (exclusive): the chain check reads the log in pages. */
export function entriesAfter(db: Db, organizationId: number, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.organizationId, organizationId), sql`${auditEntries.seq} > ${afterSeq}`))
    .orderBy(auditEntries.seq)
    .limit(limit);
}

export async function findHead(db: Db, organizationId: number) {
  const { rows } = await db.execute<{ seq: number; hash: string; pruned_seq: number; pruned_hash: string }>(
    sql`SELECT seq::float8 AS seq, hash, pruned_seq::float8 AS pruned_seq, pruned_hash FROM audit_heads WHERE organization_id = ${organizationId}`,
  );
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash, prunedSeq: Number(rows[0].pruned_seq), prunedHash: rows[0].pruned_hash } : undefined;
}
