/** True for PostgreSQL's unique_violation (23505), optionally on one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: unknown };
  if (e?.code === '23505') return constraint === undefined || e.constraint === constraint;
  // Drizzle wraps driver errors in its own, with the original as `cause`.
  return e?.cause !== undefined && e.cause !== err ? isUniqueViolation(e.cause, constraint) : false;
}
