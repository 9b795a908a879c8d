// While the server shuts down (SIGTERM → app.close()), requests that still arrive on open
// connections are answered 503 in the error model, with Retry-After, instead of being started:
// requests already in flight finish and commit, nothing new begins.
import type { FastifyInstance } from 'fastify';

export function installShutdownResponses(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply
      .code(503)
      .header('retry-after', '5')
      .header('connection', 'close')
      .send({ error: 'Server is shutting down, try again shortly', code: 'unavailable' });
    return reply;
  });
}
