// End users (chats' user_id, the bot's own id of an employee) as dashboard readers see them. In
// works-council mode an id is shown only as a stable pseudonym: "p_" and the first 16 hex digits
// (64 bits) of HMAC-SHA256 under the organization's pseudonym key. 64 bits, because two end users
// of one organization sharing a pseudonym would merge in the user_id filter: among a million end
// users that happens with a probability of about 3·10⁻⁸ (32 bits, as the redaction pseudonyms in
// text use, would make a collision likely from about 77,000 users on).
//
// An HMAC cannot be inverted, so a pseudonym in the user_id filter is found among the
// organization's distinct end users: one index range probe per end user (chats_org_user_idx) and
// one HMAC each in this process, whose results are kept in memory for the next lookups. Nothing is
// stored in the database for it: no table maps ids to pseudonyms (which an erasure or the retention
// job would have to clean up, racing ingest), and ingest pays nothing. Measured by
// `npm run bench:pseudonyms` (README, "Works-council mode").
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import type { AppDeps } from '../http/context.js';
import { badRequest } from '../http/errors.js';
import { findSettings, pseudonymKey } from '../privacy/repository.js';
import type { ChatFilters } from './filters.js';

export const PSEUDONYM_PATTERN = '^p_[0-9a-f]{16}$';
const PSEUDONYM = new RegExp(PSEUDONYM_PATTERN);
export const PSEUDONYM_EXAMPLE = 'p_1f0c9a2b7d3e4f56';

export const isPseudonym = (value: string) => PSEUDONYM.test(value);

/** The pseudonym of end user `userId` under `key` (the domain prefix keeps it apart from the redaction pseudonyms). */
export function endUserPseudonym(key: Buffer, userId: number): string {
  return `p_${crypto.createHmac('sha256', key).update(`end_user\u0000${userId}`).digest('hex').slice(0, 16)}`;
}

/** How an organization's end-user ids leave the server: as they are, or as pseudonyms. */
export type ShowUserId = (userId: number | null) => number | string | null;

export const rawUserIds: ShowUserId = (userId) => userId;

export interface EndUserView {
  worksCouncil: boolean;
  show: ShowUserId;
}

/** The organization's current mode and the matching presenter of user ids. */
export async function endUserView(db: Db, organizationId: number): Promise<EndUserView> {
  const settings = await findSettings(db, organizationId);
  if (!settings.worksCouncil) return { worksCouncil: false, show: rawUserIds };
  const key = await pseudonymKey(db, organizationId);
  return { worksCouncil: true, show: (userId) => (userId === null ? null : endUserPseudonym(key, userId)) };
}

// The pseudonyms computed by the last lookup of each organization, most recent last. A found
// pseudonym is always right whatever has happened since (it is a function of the id), so a hit
// needs no scan; a miss scans again (an end user may be new). In this process's memory only,
// bounded in entries; an organization with more end users than the bound is not kept.
const MAX_CACHED_END_USERS = 200_000;
const cache = new Map<number, Map<string, number>>();
let cachedEntries = 0;

function remember(organizationId: number, map: Map<string, number>) {
  forget(organizationId);
  if (map.size > MAX_CACHED_END_USERS) return;
  cache.set(organizationId, map);
  cachedEntries += map.size;
  // The least recently scanned organizations go first.
  for (const org of cache.keys()) {
    if (cachedEntries <= MAX_CACHED_END_USERS) break;
    forget(org);
  }
}

function forget(organizationId: number) {
  const old = cache.get(organizationId);
  if (old) cachedEntries -= old.size;
  cache.delete(organizationId);
}

/** The end user of the organization whose pseudonym is `pseudonym`, if any chat has one. */
export async function findEndUser(db: Db, organizationId: number, pseudonym: string): Promise<number | undefined> {
  const hit = cache.get(organizationId)?.get(pseudonym);
  if (hit !== undefined) return hit;
  const key = await pseudonymKey(db, organizationId);
  // A loose index scan: each step jumps to the next user id in (organization_id, user_id), so it
  // costs one probe per distinct end user, not one row per chat.
  const { rows } = await db.execute<{ user_id: string | number }>(sql`
    WITH RECURSIVE u(user_id) AS (
      (SELECT user_id FROM chats WHERE organization_id = ${organizationId} AND user_id IS NOT NULL ORDER BY user_id LIMIT 1)
      UNION ALL
      SELECT (SELECT c.user_id FROM chats c WHERE c.organization_id = ${organizationId} AND c.user_id > u.user_id ORDER BY c.user_id LIMIT 1)
      FROM u WHERE u.user_id IS NOT NULL
    )
    SELECT user_id FROM u WHERE user_id IS NOT NULL`);
  const map = new Map<string, number>();
  for (const row of rows) {
    const userId = Number(row.user_id);
    map.set(endUserPseudonym(key, userId), userId);
  }
  remember(organizationId, map);
  return map.get(pseudonym);
}

/** An id that no chat has (user ids start at 1): a pseudonym of nobody matches no chat. */
const NOBODY = 0;

/**
 * Applies the organization's mode to the user_id filter: in works-council mode it must be a
 * pseudonym (an integer is a 400), which is then looked up; outside the mode it must be an integer.
 * `prefix` is put before the parameter name in errors ("filters." for a body).
 */
export async function resolveUserFilter(deps: Pick<AppDeps, 'db'>, organizationId: number, filters: ChatFilters, prefix = ''): Promise<ChatFilters> {
  if (filters.userId === undefined && filters.userPseudonym === undefined) return filters;
  const name = `${prefix}user_id`;
  const { worksCouncil } = await endUserView(deps.db, organizationId);
  if (worksCouncil && filters.userId !== undefined) {
    throw badRequest(`${name} must be a pseudonym such as ${PSEUDONYM_EXAMPLE}: in works-council mode end users are shown and found only by their pseudonyms`, name);
  }
  if (!worksCouncil && filters.userPseudonym !== undefined) {
    throw badRequest(`${name} must be an integer: pseudonyms are used only in works-council mode, which is off`, name);
  }
  if (filters.userPseudonym === undefined) return filters;
  const { userPseudonym, ...rest } = filters;
  return { ...rest, userId: (await findEndUser(deps.db, organizationId, userPseudonym)) ?? NOBODY };
}
