import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { privacyKeys, privacySettings, type IpMode } from '../db/schema.js';
import type { RedactionPolicy } from '../redaction/entities.js';
import type { WouldDelete } from './schemas.js';

export interface Settings {
  ipMode: IpMode;
  contentDays: number | null;
  metadataDays: number | null;
  chatDays: number | null;
  auditDays: number | null;
  legalHold: boolean;
  redaction: RedactionPolicy;
  worksCouncil: boolean;
  worksCouncilK: number;
  updatedAt: Date | null;
}

// An organization without a row: keep everything as sent (the documented default).
export const DEFAULT_SETTINGS: Settings = {
  ipMode: 'full', contentDays: null, metadataDays: null, chatDays: null, auditDays: null, legalHold: false,
  redaction: {}, worksCouncil: false, worksCouncilK: 5, updatedAt: null,
};

type SettingsRow = typeof privacySettings.$inferSelect;

const settingsOf = ({ organizationId: _, ...settings }: SettingsRow): Settings => settings;

export async function findSettings(db: Db, organizationId: number, forUpdate = false): Promise<Settings> {
  const query = db.select().from(privacySettings).where(eq(privacySettings.organizationId, organizationId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? settingsOf(row) : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Db, organizationId: number, s: Omit<Settings, 'updatedAt'>): Promise<Settings> {
  const [row] = await db
    .insert(privacySettings)
    .values({ organizationId, ...s })
    .onConflictDoUpdate({ target: privacySettings.organizationId, set: { ...s, updatedAt: sql`now()` } })
    .returning();
  return settingsOf(row);
}

// The key never changes once made, so a process may keep it for as long as it runs.
const keys = new Map<number, Buffer>();

/** The organization's pseudonym key (HMAC key of redaction pseudonyms and end-user pseudonyms), made on first use. */
export async function pseudonymKey(db: Db, organizationId: number): Promise<Buffer> {
  const cached = keys.get(organizationId);
  if (cached) return cached;
  const read = async () =>
    (await db.select({ key: privacyKeys.pseudonymKey }).from(privacyKeys).where(eq(privacyKeys.organizationId, organizationId)))[0]?.key;
  let key = await read();
  if (!key) {
    await db.insert(privacyKeys).values({ organizationId }).onConflictDoNothing();
    key = await read();
  }
  if (!key) throw new Error(`organization ${organizationId} has no pseudonym key`);
  keys.set(organizationId, key);
  return key;
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
