// At start, the works-council cell cache is filled for every organization in the mode, one after
// another, in the background (see CouncilCellCache.warmUp; turning the mode on fills it for that
// organization: src/privacy/service.ts).
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { privacySettings } from '../../db/schema.js';
import type { AppDeps } from '../../http/context.js';
import { analyticsDb } from '../connection.js';

/** Stops between organizations once `stopped` says so (the app is closing). */
export async function warmCouncilCells(deps: Pick<AppDeps, 'pools' | 'councilCells'>, log: FastifyBaseLogger, stopped: () => boolean): Promise<void> {
  const db = analyticsDb(deps);
  let ids: number[];
  try {
    ids = (await db.select({ id: privacySettings.organizationId }).from(privacySettings).where(eq(privacySettings.worksCouncil, true))).map((r) => r.id);
  } catch (err) {
    if (!stopped()) log.warn({ err }, 'listing the organizations in works-council mode failed; their requests read their cells');
    return;
  }
  for (const id of ids) {
    if (stopped()) return;
    await deps.councilCells.warmUp(db, id, log);
  }
}
