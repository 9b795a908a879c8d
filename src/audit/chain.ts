// The audit log's hash chain: each entry's hash covers the previous entry's hash and the entry's
// own fields, so editing, removing or reordering an entry breaks every hash after it. The fields
// that may name an end user (target_id, details) enter through their digest, so that an erasure
// can pseudonymize them (the digest stays) without breaking the chain. One definition, used by
// the writer (repository.ts) and by the checks (verify.ts, `chatlogger audit verify`).
import crypto from 'node:crypto';
import { canonicalJson } from '../ingest/idempotency.js';

/** The prev_hash of an organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  organizationId: number;
  seq: number;
  createdAt: Date;
  actorType: string;
  actorId: number | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  ip: string | null;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function detailsDigest(targetId: string | null, details: Record<string, unknown> | null): string {
  return sha256(canonicalJson({ target_id: targetId, details }));
}

export function entryHash(prevHash: string, fields: ChainedFields, digest: string): string {
  return sha256(
    `${prevHash}\n${canonicalJson({
      organization_id: fields.organizationId,
      seq: fields.seq,
      created_at: fields.createdAt.toISOString(),
      actor_type: fields.actorType,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      target_type: fields.targetType,
      ip: fields.ip,
      details_digest: digest,
    })}`,
  );
}
