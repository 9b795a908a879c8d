// The JSON body parser. Fastify's own answers every syntax error with one generic sentence; this
// one tells the caller where the JSON broke. An empty body counts as no body, so a route that
// needs one says "the request body must be an object" and one that needs none (logout) works.
import type { FastifyInstance } from 'fastify';
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

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      const parsed: unknown = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
      if (typeof parsed === 'object' && parsed !== null && !UNSAFE_ESCAPE.test(text)) safeBodies.add(parsed);
      done(null, parsed);
    } catch (err) {
      const message = (err as Error).message;
      done(
        /prototype/.test(message)
          ? badRequest('The JSON body may not contain the keys "__proto__" or "constructor.prototype"')
          : badRequest(`Malformed JSON body: ${message}`),
        undefined,
      );
    }
  });
}
