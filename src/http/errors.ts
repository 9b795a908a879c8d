// The one error model: every error response is a JSON object of strings with an `error` sentence,
// a stable `code`, and `field` when one input field is to blame.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, isStatementTimeout } from '../db/errors.js';
import { describeValidationErrors } from './validation-messages.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return this.field === undefined
      ? { error: this.message, code: this.code }
      : { error: this.message, code: this.code, field: this.field };
  }
}

export type ErrorBody = { error: string; code: string; field?: string };

export const badRequest = (message: string, field?: string) => new HttpError(400, 'invalid_request', message, field);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const conflict = (message: string, field?: string) => new HttpError(409, 'conflict', message, field);

// A read cancelled by statement_timeout (isStatementTimeout, src/db/errors.ts) is not a failure of
// the server: the request asked for more work than one statement may do. It is answered 422
// query_too_expensive with a sentence that says so and how to ask for less (the route's
// tooExpensiveHint), never 500.
export function tooExpensiveBody(timeoutMs: number, hint = 'a shorter range or more selective filters') {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return {
    error:
      `This request was too expensive: its database work ran past the ${seconds}-second limit and was cancelled. ` +
      `Narrow it (${hint}) and try again`,
    code: 'query_too_expensive',
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 500 on this route says ("Failed to create chat"); details go to the log only. */
    failureMessage?: string;
    /** How to narrow this route's request when a statement of it was cancelled ("a shorter range"). */
    tooExpensiveHint?: string;
  }
}

/** Answers a request no route matched when it can (the dashboard's pages); false otherwise. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function installErrorHandlers(app: FastifyInstance, fallback: NotFoundFallback = () => false): void {
  app.setNotFoundHandler((request, reply) => {
    if (fallback(request, reply)) return;
    reply.code(404).send({ error: `Route ${request.method} ${request.url.split('?')[0]} not found`, code: 'not_found' });
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      reply.headers(err.headers).code(err.statusCode).send(err.body());
      return;
    }
    if (err.validation) {
      reply.code(400).send(describeValidationErrors(err.validation, err.validationContext ?? 'body'));
      return;
    }
    if (isStatementTimeout(err)) {
      request.log.warn({ err }, 'statement cancelled by statement_timeout');
      const timeoutMs = (app as { deps?: { costLimits?: { readStatementTimeoutMs: number } } }).deps?.costLimits?.readStatementTimeoutMs ?? 0;
      reply.code(422).send(tooExpensiveBody(timeoutMs, request.routeOptions.config?.tooExpensiveHint));
      return;
    }
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      reply.header('retry-after', '5').code(503).send({ error: 'Database unavailable, try again shortly', code: 'unavailable' });
      return;
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, ...
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request';
      const message =
        status === 413
            ? `Request body is larger than the ${(request.routeOptions.bodyLimit ?? 1024 * 1024) / (1024 * 1024)} MiB limit`
            : status === 415
              ? request.headers['content-type']
                ? `Unsupported content type ${JSON.stringify(request.headers['content-type'])}: send application/json`
                : 'Missing Content-Type header: send application/json'
              : err.message;
      reply.code(status).send({ error: message, code });
      return;
    }
    request.log.error({ err }, 'request failed');
    const failure = request.routeOptions.config?.failureMessage ?? 'Internal server error';
    reply.code(500).send({ error: failure, code: 'internal_error' });
  });
}
