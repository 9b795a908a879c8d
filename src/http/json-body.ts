// The JSON body parser. Fastify's own answers every syntax error with one generic sentence; this
// one tells the caller where the JSON broke. An empty body counts as no body, so a route that
// needs one says "the request body must be an object" and one that needs none (logout) works.
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { badRequest } from './errors.js';

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
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
