import { textCell } from '../http/csv-cell.js';
import type { AuditRow } from './repository.js';

export function presentEntry(row: AuditRow) {
  return {
    seq: row.seq,
    created_at: row.createdAt.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    ip: row.ip,
    details: row.details ?? null,
    pseudonymized: row.pseudonymizedAt !== null,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}

export const CSV_COLUMNS = ['seq', 'created_at', 'actor_type', 'actor_id', 'actor_label', 'action', 'target_type', 'target_id', 'ip', 'details', 'prev_hash', 'hash'];

export function csvRow(row: AuditRow): (string | number | null)[] {
  return [
    row.seq, row.createdAt.toISOString(), row.actorType, row.actorId, textCell(row.actorLabel), row.action, textCell(row.targetType),
    textCell(row.targetId), row.ip, row.details ? JSON.stringify(row.details) : null, row.prevHash, row.hash,
  ];
}
