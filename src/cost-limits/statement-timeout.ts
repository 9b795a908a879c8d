// A read cancelled by statement_timeout (SQLSTATE 57014, query_canceled) is not a failure of the
// server: the request asked for more work than one statement may do. The error handler
// (src/http/errors.ts) answers it 422 query_too_expensive with a sentence that says so and how to
// ask for less (the route's tooExpensiveHint), never 500. (Which errors those are: isStatementTimeout
// in src/db/errors.ts.)

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How to narrow this route's request when a statement of it was cancelled ("a shorter range"). */
    tooExpensiveHint?: string;
  }
}

export function tooExpensiveBody(timeoutMs: number, hint = 'a shorter range or more selective filters') {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return {
    error:
      `This request was too expensive: its database work ran past the ${seconds}-second limit and was cancelled. ` +
      `Narrow it (${hint}) and try again`,
    code: 'query_too_expensive',
  };
}
