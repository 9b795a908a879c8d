// Which database errors depend on what a batch contained (so that retrying its items one by one
// gives each its own answer), as opposed to the database being unreachable or broken (where every
// item fails the same way and a retry would only add load).

function sqlState(err: unknown, depth = 0): string | undefined {
  const e = err as { code?: unknown; cause?: unknown } | undefined;
  if (!e || depth > 5) return undefined;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return e.cause !== undefined && e.cause !== err ? sqlState(e.cause, depth + 1) : undefined;
}

/**
 * True for PostgreSQL errors caused by the rows themselves: data exceptions (class 22), integrity
 * violations (23: a foreign key to a chat deleted meanwhile, a CHECK, a unique key) and
 * transaction rollbacks (40: serialization failure, deadlock).
 */
export function dependsOnBatchContents(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && /^(22|23|40)/.test(code);
}
