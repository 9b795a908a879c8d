// The one error model: every error response is a JSON object of strings with an `error` sentence,
// a stable `code`, and `field` when one input field is to blame.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tooExpensiveBody } from '../cost-limits/statement-timeout.js';
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 500 on this route says ("Failed to create chat"); details go to the log only. */
    failureMessage?: string;
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
