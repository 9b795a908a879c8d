// PostgreSQL's autovacuum keeps planner statistics fresh; embedded PGlite has no autovacuum, so
// without this its planner never learns how big the tables are and picks poor plans (sorting a
// whole table for a keyset page, scanning every message of an organization).
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './connection.js';

const FIRST_RUN_MS = 30_000;
const EVERY_MS = 10 * 60_000;

/** In embedded mode, runs ANALYZE shortly after start and then every 10 minutes; returns stop(). */
export function startEmbeddedMaintenance(database: Database, log: FastifyBaseLogger): () => void {
  if (database.kind !== 'pglite') return () => {};
  let running = false;
  const analyze = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      await database.pool.query('ANALYZE');
      log.debug({ ms: Date.now() - started }, 'embedded database analyzed');
    } catch (err) {
      log.warn({ err }, 'ANALYZE of the embedded database failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(analyze, FIRST_RUN_MS);
  const every = setInterval(analyze, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
