// The one place that reads a database error: which SQLSTATE it carries and what that means.
// Drizzle wraps the driver's error in its own (the original is `cause`), and a refused connection
// to "localhost" is an AggregateError (`errors`): every question below looks through both.

type ErrorLike = { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** True for a PostgreSQL SQLSTATE (five digits or capitals), as opposed to a Node errno code (ECONNRESET). */
export const isSqlState = (code: unknown): code is string => typeof code === 'string' && SQLSTATE.test(code);

/** The error of the chain (err, its cause, …) that carries a SQLSTATE, if any. */
function serverError(err: unknown, depth = 0): (ErrorLike & { code: string }) | undefined {
  const e = err as ErrorLike | undefined;
  if (!e || typeof e !== 'object' || depth > 5) return undefined;
  if (isSqlState(e.code)) return e as ErrorLike & { code: string };
  return e.cause !== undefined && e.cause !== err ? serverError(e.cause, depth + 1) : undefined;
}

/** The SQLSTATE of a database error (looking through wrappers), undefined when it has none. */
export const sqlState = (err: unknown): string | undefined => serverError(err)?.code;

/** True for PostgreSQL's unique_violation (23505), optionally on one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = serverError(err);
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** A statement cancelled by statement_timeout (57014, query_canceled): answered 422 (src/http/errors.ts). */
export const isStatementTimeout = (err: unknown): boolean => sqlState(err) === '57014';

/**
 * True for PostgreSQL errors caused by the rows themselves: data exceptions (class 22), integrity
 * violations (23: a foreign key to a chat deleted meanwhile, a CHECK, a unique key) and
 * transaction rollbacks (40: serialization failure, deadlock). Retrying a batch's items one by one
 * then gives each its own answer; any other failure (the database unreachable or broken) would fail
 * every item the same way.
 */
export function dependsOnBatchContents(err: unknown): boolean {
  const code = sqlState(err);
  return code !== undefined && /^(22|23|40)/.test(code);
}

/**
 * True when the server refused a statement but the connection is still usable. Classes 08
 * (connection exception) and 57 (operator intervention: the server shutting down, a terminated
 * backend) mean the connection itself is gone. `err` is the driver's own error (not wrapped).
 */
export function leavesConnectionUsable(err: unknown): boolean {
  const code = (err as ErrorLike | undefined)?.code;
  return isSqlState(code) && !/^(08|57)/.test(code);
}

// node-postgres / PostgreSQL errors that mean "the database is not reachable right now".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006',
]);

/** True when the database cannot be reached right now (answered 503 with Retry-After). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as ErrorLike | undefined;
  if (!e || depth > 5) return false;
  return (
    (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) ||
    /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/.test(
      typeof e.message === 'string' ? e.message : '',
    ) ||
    isDatabaseUnavailable(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
  );
}
