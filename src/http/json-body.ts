// The JSON body parser. Fastify's own answers every syntax error with one generic sentence; this
// one tells the caller where the JSON broke. An empty body counts as no body, so a route that
// needs one says "the request body must be an object" and one that needs none (logout) works.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { badRequest } from './errors.js';

// A string of the parsed body can hold U+0000 or a lone surrogate (see string-safety.ts) only if the
// text spells one as a \u escape: the text is decoded from UTF-8, which yields neither, and JSON
// does not allow a raw control character. (A false alarm, e.g. a valid surrogate pair, only means
// the body gets the full check.)
const UNSAFE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
const safeBodies = new WeakSet<object>();

/**
 * True when the parser saw that no string of `body` (a parsed request body) can hold U+0000 or
 * invalid UTF-16, so checking its strings one by one (assertSafeStrings) can be skipped.
 */
export function stringsKnownSafe(body: unknown): boolean {
  return typeof body === 'object' && body !== null && safeBodies.has(body);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's bodies wait (received, unparsed) until this lets them in: see
     * src/ingest/body-gate.ts. Resolves when the request may go on; undefined means at once.
     */
    bodyGate?: { enter(request: FastifyRequest): Promise<void> | undefined };
  }
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  // As bytes: a body that waits for its route's gate waits outside V8's heap; decoded as UTF-8 here
  // (invalid sequences become U+FFFD), as Fastify's own string parsing does.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const waiting = request.routeOptions.config?.bodyGate?.enter(request);
    if (waiting) waiting.then(() => parseJson(body as Buffer, done)).catch((err) => request.log.error({ err }, 'request handling failed after its body gate'));
    else parseJson(body as Buffer, done);
  });
}

function parseJson(body: Buffer, done: (err: Error | null, body?: unknown) => void): void {
  const text = body.toString('utf8');
  if (text.trim() === '') return done(null, undefined);
  let parsed: unknown;
  try {
    parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    const message = (err as Error).message;
    return done(
      /prototype/.test(message)
        ? badRequest('The JSON body may not contain the keys "__proto__" or "constructor.prototype"')
        : badRequest(`Malformed JSON body: ${message}`),
      undefined,
    );
  }
  if (typeof parsed === 'object' && parsed !== null && !UNSAFE_ESCAPE.test(text)) safeBodies.add(parsed);
  done(null, parsed);
}
