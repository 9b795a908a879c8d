import { and, desc, eq, gt, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { transcriptAccessRequests as requests, users } from '../db/schema.js';
import { PENDING_HOURS, type AccessStatus } from './schemas.js';

export type AccessRequestRow = typeof requests.$inferSelect;

export async function insertRequest(
  db: Db,
  organizationId: number,
  values: { chatId: number; requestedBy: number; reason: string; durationMinutes: number },
): Promise<AccessRequestRow> {
  const [row] = await db.insert(requests).values({ organizationId, ...values }).returning();
  return row;
}

export async function findRequest(db: Db, organizationId: number, id: number, forUpdate = false): Promise<AccessRequestRow | undefined> {
  const query = db.select().from(requests).where(and(eq(requests.organizationId, organizationId), eq(requests.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Still pending and not yet lapsed (PENDING_HOURS after it was made). */
const openSql = () => and(eq(requests.status, 'pending'), gt(requests.createdAt, sql`now() - make_interval(hours => ${PENDING_HOURS})`))!;

/** Approves (expires_at = now + duration) or denies an open request; undefined if it was no longer open. */
export async function decide(db: Db, organizationId: number, id: number, decidedBy: number, approve: boolean): Promise<AccessRequestRow | undefined> {
  const [row] = await db
    .update(requests)
    .set({
      status: approve ? 'approved' : 'denied',
      decidedBy,
      decidedAt: sql`now()`,
      expiresAt: approve ? sql`now() + make_interval(mins => ${requests.durationMinutes})` : null,
    })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id), openSql()))
    .returning();
  return row;
}

/** The requester withdraws an open request: stored as denied with no decider (see ACCESS_STATUSES). */
export async function withdraw(db: Db, organizationId: number, id: number): Promise<AccessRequestRow | undefined> {
  const [row] = await db
    .update(requests)
    .set({ status: 'denied', decidedBy: null, decidedAt: sql`now()`, expiresAt: null })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id), openSql()))
    .returning();
  return row;
}

// 'expired' and 'withdrawn' are not stored (see ACCESS_STATUSES).
function statusSql(status: AccessStatus): SQL {
  if (status === 'approved') return and(eq(requests.status, 'approved'), gt(requests.expiresAt, sql`now()`))!;
  if (status === 'pending') return openSql();
  if (status === 'expired') {
    return or(
      and(eq(requests.status, 'approved'), lte(requests.expiresAt, sql`now()`)),
      and(eq(requests.status, 'pending'), lte(requests.createdAt, sql`now() - make_interval(hours => ${PENDING_HOURS})`)),
    )!;
  }
  if (status === 'denied') return and(eq(requests.status, 'denied'), isNotNull(requests.decidedBy))!;
  return and(eq(requests.status, 'denied'), isNull(requests.decidedBy))!;
}

export function listRequests(
  db: Db,
  organizationId: number,
  f: { status?: AccessStatus; chatId?: number; beforeId?: number; limit: number },
): Promise<AccessRequestRow[]> {
  const where = [eq(requests.organizationId, organizationId)];
  if (f.status) where.push(statusSql(f.status));
  if (f.chatId !== undefined) where.push(eq(requests.chatId, f.chatId));
  if (f.beforeId !== undefined) where.push(lt(requests.id, f.beforeId));
  return db.select().from(requests).where(and(...where)).orderBy(desc(requests.id)).limit(f.limit + 1);
}

/** The caller's approved, unexpired request for this chat (the newest), if any. */
export async function activeGrant(db: Db, organizationId: number, userId: number, chatId: number): Promise<AccessRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), eq(requests.requestedBy, userId), eq(requests.chatId, chatId), statusSql('approved')))
    .orderBy(desc(requests.expiresAt))
    .limit(1);
  return row;
}

/** The chats among `chatIds` the caller holds an unexpired grant for. */
export async function grantedChats(db: Db, organizationId: number, userId: number, chatIds: number[]): Promise<Set<number>> {
  if (chatIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ chatId: requests.chatId })
    .from(requests)
    .where(
      and(
        eq(requests.organizationId, organizationId),
        eq(requests.requestedBy, userId),
        sql`${requests.chatId} = any(${`{${chatIds.join(',')}}`}::bigint[])`,
        statusSql('approved'),
      ),
    );
  return new Set(rows.map((r) => r.chatId));
}

/** Admins of the organization other than `userId`: who could approve their request. */
export async function otherAdmins(db: Db, organizationId: number, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin'), ne(users.id, userId)));
  return row?.n ?? 0;
}
