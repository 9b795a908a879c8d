// The redactor of an organization, as ingest uses it: its policy (privacy_settings.redaction) and
// its pseudonym key, remembered for POLICY_TTL_MS so that a bot's burst of chats does not read the
// settings once per request (the same one-second bound as the API key cache).
//
// Freshness: a PATCH of the policy on this instance forgets the organization's entry once the change
// is committed (forgetRedactor, called by src/privacy/service.ts), so the very next chat here is
// redacted under the new policy. Another instance goes on with the policy it read for at most
// POLICY_TTL_MS after the change is committed. A read that was already under way when the policy
// changed cannot put the old policy back: its entry is made before the read starts, and forgetting
// deletes it.
import type pg from 'pg';
import type { Db } from '../db/connection.js';
import { findSettings, pseudonymKey } from '../privacy/repository.js';
import { createRedactor, type Redactor } from './redact.js';

export const POLICY_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  redactor: Promise<Redactor>;
  until: number;
}

// One cache per database (a test app, the server), like the ingest queues.
const caches = new WeakMap<pg.Pool, Map<number, Entry>>();

function cacheOf(pool: pg.Pool): Map<number, Entry> {
  let cache = caches.get(pool);
  if (!cache) caches.set(pool, (cache = new Map()));
  return cache;
}

async function readRedactor(db: Db, organizationId: number): Promise<Redactor> {
  const settings = await findSettings(db, organizationId);
  const active = Object.values(settings.redaction).some((action) => action !== 'keep');
  // The key is made on first use: an organization that redacts nothing needs none.
  return createRedactor(settings.redaction, active ? await pseudonymKey(db, organizationId) : Buffer.alloc(0));
}

/** The organization's redactor (POLICY_TTL_MS old at most; fresh after a local policy change). */
export function redactorFor(deps: { db: Db; pool: pg.Pool }, organizationId: number): Promise<Redactor> {
  const cache = cacheOf(deps.pool);
  const now = Date.now();
  const cached = cache.get(organizationId);
  if (cached && cached.until > now) return cached.redactor;
  const redactor = readRedactor(deps.db, organizationId);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const entry = { redactor, until: now + POLICY_TTL_MS };
  cache.set(organizationId, entry);
  // A failed read is not remembered.
  redactor.catch(() => {
    if (cache.get(organizationId) === entry) cache.delete(organizationId);
  });
  return redactor;
}

/** Forgets the organization's redactor (its policy changed): the next chat reads it afresh. */
export function forgetRedactor(pool: pg.Pool, organizationId: number): void {
  cacheOf(pool).delete(organizationId);
}
