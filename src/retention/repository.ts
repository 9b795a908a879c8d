// SQL of the retention job. Each function handles one bounded batch of one organization in one
// statement (one transaction), so a crash leaves every chat either purged or untouched, and the
// next run finds what is left: the state is in the rows (content_purged_at, metadata_purged_at,
// the chats that still exist), not in the job. FOR UPDATE SKIP LOCKED steps over a chat that a
// request is updating; the next run gets it.
import type pg from 'pg';

export interface Keyset {
  createdAt: string;
  id: number;
}

export const START: Keyset = { createdAt: '-infinity', id: 0 };

/**
 * Organizations whose settings may remove something (no legal hold), and those with an erasure in
 * the last 8 days (an export written while it ran must go; export files are kept 7 days).
 */
export async function organizationsToProcess(db: pg.Pool) {
  const { rows } = await db.query<{
    organization_id: number; ip_mode: string; content_retention_days: number | null; metadata_retention_days: number | null;
    chat_retention_days: number | null; audit_retention_days: number | null;
  }>(`SELECT o.id AS organization_id, coalesce(s.ip_mode, 'full') AS ip_mode, s.content_retention_days, s.metadata_retention_days,
        s.chat_retention_days, s.audit_retention_days
      FROM organizations o LEFT JOIN privacy_settings s ON s.organization_id = o.id
      WHERE NOT coalesce(s.legal_hold, false)
        AND (s.ip_mode <> 'full' OR s.content_retention_days IS NOT NULL OR s.metadata_retention_days IS NOT NULL
             OR s.chat_retention_days IS NOT NULL OR s.audit_retention_days IS NOT NULL
             OR EXISTS (SELECT 1 FROM erasure_requests r WHERE r.organization_id = o.id AND NOT r.dry_run AND r.created_at > now() - interval '8 days'))
      ORDER BY o.id`);
  return rows;
}

// The batch of chats older than the cutoff, past the keyset, still to do; locked, skipping those
// locked by someone else. Walks the (organization_id, created_at, id) index.
const batchOf = (pending: string) => `
  SELECT id, created_at FROM chats
  WHERE organization_id = $1 AND created_at < $2 AND (created_at, id) > ($3::timestamptz, $4::bigint) AND ${pending}
    -- and no legal hold placed since the run started
    AND NOT EXISTS (SELECT 1 FROM privacy_settings s WHERE s.organization_id = $1 AND s.legal_hold)
  ORDER BY created_at, id LIMIT $5 FOR UPDATE SKIP LOCKED`;

const lastOf = `(SELECT json_build_object('n', (SELECT count(*) FROM batch), 'created_at', b.created_at, 'id', b.id)
  FROM batch b ORDER BY b.created_at DESC, b.id DESC LIMIT 1)`;

type BatchResult = { done: number; next: Keyset | null };

function result(row: { r: { n: number; created_at: string; id: number } | null } | undefined): BatchResult {
  if (!row?.r) return { done: 0, next: null };
  return { done: Number(row.r.n), next: { createdAt: row.r.created_at, id: Number(row.r.id) } };
}

/** Removes the title and the messages' text of a batch of chats; counts, ratings and rollups stay. */
export async function purgeContentBatch(db: pg.Pool, org: number, cutoff: Date, after: Keyset, limit: number): Promise<BatchResult> {
  const { rows } = await db.query(
    `WITH batch AS (${batchOf('content_purged_at IS NULL')}),
     m AS (UPDATE messages SET content = '' WHERE organization_id = $1 AND chat_id IN (SELECT id FROM batch) AND content <> ''),
     c AS (UPDATE chats SET title = NULL, content_purged_at = now() WHERE organization_id = $1 AND id IN (SELECT id FROM batch))
     SELECT ${lastOf} AS r`,
    [org, cutoff, after.createdAt, after.id, limit],
  );
  return result(rows[0]);
}

/** Removes the IP, session_id and transcript_link of a batch of chats (none of them is aggregated). */
export async function purgeMetadataBatch(db: pg.Pool, org: number, cutoff: Date, after: Keyset, limit: number): Promise<BatchResult> {
  const { rows } = await db.query(
    `WITH batch AS (${batchOf('metadata_purged_at IS NULL')}),
     c AS (UPDATE chats SET ip_address = NULL, session_id = NULL, transcript_link = NULL, metadata_purged_at = now()
           WHERE organization_id = $1 AND id IN (SELECT id FROM batch))
     SELECT ${lastOf} AS r`,
    [org, cutoff, after.createdAt, after.id, limit],
  );
  return result(rows[0]);
}

/** Deletes a batch of whole chats (messages by cascade); the rollup triggers take them out of the analytics. */
export async function deleteChatsBatch(db: pg.Pool, org: number, cutoff: Date, limit: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH batch AS (${batchOf('true')}),
     d AS (DELETE FROM chats WHERE organization_id = $1 AND id IN (SELECT id FROM batch) RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [org, cutoff, START.createdAt, START.id, limit],
  );
  return rows[0].n;
}

/** Applies a stricter IP mode to stored chats, a batch at a time in id order. */
export async function rewriteIpBatch(db: pg.Pool, org: number, afterId: number, limit: number): Promise<{ done: number; next: number | null }> {
  const { rows } = await db.query<{ n: number; last: number | null }>(
    `WITH batch AS (
       SELECT id FROM chats WHERE organization_id = $1 AND id > $2 AND ip_address IS NOT NULL
         AND ip_address IS DISTINCT FROM privacy_ip($1, ip_address)
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED),
     u AS (UPDATE chats SET ip_address = privacy_ip($1, ip_address) WHERE organization_id = $1 AND id IN (SELECT id FROM batch))
     SELECT (SELECT count(*)::int FROM batch) AS n, (SELECT max(id) FROM batch) AS last`,
    [org, afterId, limit],
  );
  return { done: rows[0].n, next: rows[0].last === null ? null : Number(rows[0].last) };
}

/**
 * Deletes the oldest audit entries (a prefix of the chain, up to the last entry older than the
 * cutoff, at most `limit`), recording in the head where the chain now starts.
 */
export async function pruneAuditBatch(db: pg.Pool, org: number, cutoff: Date, limit: number): Promise<number> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL chatlogger.audit_maintenance = 'on'`);
    const head = await client.query<{ pruned_seq: number }>('SELECT pruned_seq FROM audit_heads WHERE organization_id = $1 FOR UPDATE', [org]);
    if (head.rows.length === 0) {
      await client.query('ROLLBACK');
      return 0;
    }
    const last = await client.query<{ seq: number; hash: string }>(
      `SELECT seq, hash FROM audit_entries WHERE organization_id = $1 AND seq <= $2::bigint + $3 AND created_at < $4
       ORDER BY seq DESC LIMIT 1`,
      [org, head.rows[0].pruned_seq, limit, cutoff],
    );
    if (last.rows.length === 0) {
      await client.query('ROLLBACK');
      return 0;
    }
    const { rowCount } = await client.query('DELETE FROM audit_entries WHERE organization_id = $1 AND seq <= $2', [org, last.rows[0].seq]);
    await client.query('UPDATE audit_heads SET pruned_seq = $2, pruned_hash = $3 WHERE organization_id = $1', [org, last.rows[0].seq, last.rows[0].hash]);
    await client.query('COMMIT');
    return rowCount ?? 0;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Export files to delete: older than the shortest chat retention, or written while an erasure ran
 * (an export that started before an erasure may have read the erased chats before they went).
 */
export async function exportFilesToDelete(db: pg.Pool, org: number, cutoff: Date | null) {
  const { rows } = await db.query<{ id: number; file_path: string }>(
    `SELECT e.id, e.file_path FROM exports e
     WHERE e.organization_id = $1 AND e.file_path IS NOT NULL AND e.status = 'completed'
       AND (($2::timestamptz IS NOT NULL AND e.created_at < $2)
         OR EXISTS (SELECT 1 FROM erasure_requests r WHERE r.organization_id = e.organization_id AND NOT r.dry_run
                    AND r.created_at >= coalesce(e.started_at, e.created_at) AND r.created_at <= e.completed_at))
     LIMIT 1000`,
    [org, cutoff],
  );
  return rows.map((r) => ({ id: Number(r.id), filePath: r.file_path }));
}

export async function markExportFileDeleted(db: pg.Pool, org: number, id: number): Promise<void> {
  await db.query(`UPDATE exports SET file_path = NULL, expires_at = least(expires_at, now()), updated_at = now() WHERE organization_id = $1 AND id = $2`, [org, id]);
}
