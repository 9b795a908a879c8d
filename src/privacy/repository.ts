import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { privacySettings, type IpMode } from '../db/schema.js';
import type { WouldDelete } from './schemas.js';

export interface Settings {
  ipMode: IpMode;
  contentDays: number | null;
  metadataDays: number | null;
  chatDays: number | null;
  auditDays: number | null;
  legalHold: boolean;
  updatedAt: Date | null;
}

// An organization without a row: keep everything as sent (the documented default).
export const DEFAULT_SETTINGS: Settings = {
  ipMode: 'full', contentDays: null, metadataDays: null, chatDays: null, auditDays: null, legalHold: false, updatedAt: null,
};

export async function findSettings(db: Db, organizationId: number, forUpdate = false): Promise<Settings> {
  const query = db.select().from(privacySettings).where(eq(privacySettings.organizationId, organizationId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) return DEFAULT_SETTINGS;
  const { organizationId: _, ...settings } = row;
  return settings;
}

export async function saveSettings(db: Db, organizationId: number, s: Omit<Settings, 'updatedAt'>): Promise<Settings> {
  const [row] = await db
    .insert(privacySettings)
    .values({ organizationId, ...s })
    .onConflictDoUpdate({ target: privacySettings.organizationId, set: { ...s, updatedAt: sql`now()` } })
    .returning();
  const { organizationId: _, ...settings } = row;
  return settings;
}

const cutoff = (days: number | null) => (days === null ? null : sql`now() - make_interval(days => ${days})`);

/**
 * What the retention job would remove under `s` now (each class counted on its own). The counts
 * use the chats' (organization_id, created_at) index; the IP count reads the organization's chats.
 */
export async function countWouldDelete(db: Db, organizationId: number, s: Settings, ipChanges: boolean): Promise<WouldDelete> {
  const older = (days: number | null, extra: string) => {
    const c = cutoff(days);
    return c === null
      ? sql`0`
      : sql`(SELECT count(*) FROM chats WHERE organization_id = ${organizationId} AND created_at < ${c} ${sql.raw(extra)})`;
  };
  const shortest = [s.contentDays, s.metadataDays, s.chatDays].filter((d): d is number => d !== null);
  const exportCutoff = cutoff(shortest.length ? Math.min(...shortest) : null);
  const { rows } = await db.execute<Record<keyof WouldDelete, number>>(sql`
    SELECT
      ${older(s.contentDays, 'AND content_purged_at IS NULL')}::int AS chats_content,
      ${older(s.metadataDays, 'AND metadata_purged_at IS NULL')}::int AS chats_metadata,
      ${older(s.chatDays, '')}::int AS chats,
      ${ipChanges
        ? sql`(SELECT count(*) FROM chats WHERE organization_id = ${organizationId} AND ip_address IS NOT NULL
              AND ip_address IS DISTINCT FROM ${s.ipMode === 'none' ? sql`NULL` : sql`privacy_truncate_ip(ip_address)`})`
        : sql`0`}::int AS ip_addresses,
      ${s.auditDays === null ? sql`0` : sql`(SELECT count(*) FROM audit_entries WHERE organization_id = ${organizationId} AND created_at < ${cutoff(s.auditDays)})`}::int AS audit_entries,
      ${exportCutoff === null
        ? sql`0`
        : sql`(SELECT count(*) FROM exports WHERE organization_id = ${organizationId} AND file_path IS NOT NULL AND created_at < ${exportCutoff})`}::int AS export_files`);
  return rows[0];
}
