// Checks an organization's audit chain (API GET /api/v1/audit/verify, `chatlogger audit verify`):
// seq numbers contiguous from where retention cut the log, each prev_hash the hash before it,
// each hash recomputed from the fields, the digest of target and details recomputed unless the
// entry was pseudonymized by an erasure, and the last entry the chain head.
import type { Db } from '../db/connection.js';
import { detailsDigest, entryHash, GENESIS_HASH } from './chain.js';
import { entriesAfter, findHead } from './repository.js';

export interface ChainReport {
  ok: boolean;
  entries: number;
  first_seq: number | null;
  last_seq: number | null;
  pseudonymized: number;
  /** The first entry that fails, and why. */
  broken_at?: number;
  reason?: string;
}

const PAGE = 2000;

export async function verifyChain(db: Db, organizationId: number): Promise<ChainReport> {
  const head = (await findHead(db, organizationId)) ?? { seq: 0, hash: GENESIS_HASH, prunedSeq: 0, prunedHash: GENESIS_HASH };
  let expectedSeq = head.prunedSeq + 1;
  let prevHash = head.prunedHash;
  let entries = 0;
  let pseudonymized = 0;
  let firstSeq: number | null = null;
  const fail = (seq: number, reason: string): ChainReport => ({
    ok: false, entries, first_seq: firstSeq, last_seq: expectedSeq - 1 || null, pseudonymized, broken_at: seq, reason,
  });
  for (;;) {
    const page = await entriesAfter(db, organizationId, expectedSeq - 1, PAGE);
    for (const row of page) {
      firstSeq ??= row.seq;
      if (row.seq !== expectedSeq) return fail(expectedSeq, `entry ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return fail(row.seq, `entry ${row.seq} does not follow entry ${row.seq - 1} (prev_hash differs)`);
      if (row.pseudonymizedAt === null && detailsDigest(row.targetId, row.details ?? null) !== row.detailsDigest) {
        return fail(row.seq, `entry ${row.seq} was changed (its target or details no longer match their digest)`);
      }
      if (row.pseudonymizedAt !== null) pseudonymized++;
      if (entryHash(row.prevHash, row, row.detailsDigest) !== row.hash) return fail(row.seq, `entry ${row.seq} was changed (its hash does not match its fields)`);
      prevHash = row.hash;
      expectedSeq++;
      entries++;
    }
    if (page.length < PAGE) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq !== head.seq || prevHash !== head.hash) {
    return fail(lastSeq + 1, `the log ends at entry ${lastSeq} but its head says ${head.seq}: entries were removed`);
  }
  return { ok: true, entries, first_seq: firstSeq, last_seq: entries ? lastSeq : null, pseudonymized };
}
