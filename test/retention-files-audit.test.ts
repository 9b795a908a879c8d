// The retention job's two other stores: export files older than the shortest chat retention are
// deleted (their download answers 410, newer files stay), and audit entries older than the audit
// retention are pruned from the start of the chain, which still verifies afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify.js';
import { absoluteExportPath, relativeExportPath } from '../src/exports/files.js';
import { bearer, createTestApp, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  org = await signUp(t.app);
  other = await signUp(t.app);
});
afterAll(() => t?.close());

/** A completed export of `organizationId` made `daysAgo` days ago, with its file on disk. */
async function storedExport(organizationId: number, daysAgo: number): Promise<{ id: number; file: string }> {
  const { rows } = await t.database.pool.query(
    `INSERT INTO exports (organization_id, format, type, status, created_at, started_at, completed_at, expires_at, row_count, size_bytes)
     VALUES ($1, 'csv', 'chats', 'completed', now() - make_interval(days => $2), now() - make_interval(days => $2), now() - make_interval(days => $2), now() + interval '7 days', 1, 10)
     RETURNING id`,
    [organizationId, daysAgo],
  );
  const id = Number(rows[0].id);
  const relative = relativeExportPath(organizationId, id, 'csv');
  await t.database.pool.query('UPDATE exports SET file_path = $3 WHERE organization_id = $1 AND id = $2', [organizationId, id, relative]);
  const file = absoluteExportPath(t.dataDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'id,title\n1,old\n');
  return { id, file };
}

const patchPrivacy = (body: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(org.token), payload: body });

describe('retention of export files and audit entries', () => {
  it('deletes export files older than the shortest chat retention, and only those of that organization', async () => {
    const old = await storedExport(org.organization.id, 10);
    const recent = await storedExport(org.organization.id, 1);
    const othersOld = await storedExport(other.organization.id, 10);
    const dry = await patchPrivacy({ chat_retention_days: 30, content_retention_days: 5, dry_run: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().would_delete.export_files).toBe(1);
    expect((await patchPrivacy({ chat_retention_days: 30, content_retention_days: 5, confirm: true })).statusCode).toBe(200);

    const report = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(report.export_files_deleted).toBe(1);
    expect(fs.existsSync(old.file)).toBe(false);
    expect(fs.existsSync(recent.file)).toBe(true);
    expect(fs.existsSync(othersOld.file)).toBe(true);
    const gone = await t.app.inject({ url: `/api/v1/exports/${old.id}/download`, headers: bearer(org.token) });
    expect(gone.statusCode, gone.body).toBe(410);
    const kept = await t.app.inject({ url: `/api/v1/exports/${recent.id}/download`, headers: bearer(org.token) });
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('prunes audit entries older than the audit retention from the start of the chain; the chain still verifies', async () => {
    const { rows: all } = await t.database.pool.query('SELECT seq FROM audit_entries WHERE organization_id = $1 ORDER BY seq', [org.organization.id]);
    expect(all.length).toBeGreaterThanOrEqual(3);
    // Make the first two entries 10 days old, as time would (in the maintenance mode the job uses).
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL chatlogger.audit_maintenance = 'on'`);
      await client.query(`UPDATE audit_entries SET created_at = created_at - interval '10 days' WHERE organization_id = $1 AND seq <= $2`, [org.organization.id, all[1].seq]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await patchPrivacy({ audit_retention_days: 5, confirm: true })).statusCode).toBe(200);
    const report = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(report.audit_entries_deleted).toBe(2);
    const { rows: left } = await t.database.pool.query('SELECT seq FROM audit_entries WHERE organization_id = $1 ORDER BY seq', [org.organization.id]);
    expect(Number(left[0].seq)).toBe(Number(all[2].seq));
    expect((await verifyChain(t.app.deps.db, org.organization.id)).ok).toBe(true);
    // The other organization's log is untouched.
    expect((await verifyChain(t.app.deps.db, other.organization.id)).ok).toBe(true);
  });
});
