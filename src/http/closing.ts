// Graceful shutdown (SIGTERM → app.close()): requests that still arrive on open connections are
// answered 503 in the error model, with Retry-After, instead of being started; requests already in
// flight finish and commit, and their answers close the connection. Node's server.close() closes
// the connections idle at that moment only; a keep-alive connection that becomes idle afterwards
// would hold the close up for keepAliveTimeout (72 s), so idle connections are closed again every
// 100 ms until the server has closed.
import type { FastifyInstance } from 'fastify';

export function installShutdownResponses(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    if (!app.server.listening) return;
    const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
    reaper.unref();
    app.server.once('close', () => clearInterval(reaper));
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
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
