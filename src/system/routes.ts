import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createRequire } from 'node:module';
import { Type } from 'typebox';
import { ErrorBody } from '../http/schemas.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['System'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        await app.deps.pool.query('SELECT 1');
        return { status: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        return reply.code(503).header('retry-after', '5').send({ error: 'Database unreachable', code: 'unavailable' });
      }
    },
  );

  app.get(
    '/version',
    {
      schema: {
        tags: ['System'],
        summary: 'The running version and the kind of database it runs on',
        response: {
          200: Type.Object(
            {
              name: Type.String({ description: 'The package name: "chatlogger"' }),
              version: Type.String({ description: 'The running version (semantic versioning), e.g. "0.1.0"' }),
              database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')], {
                description: '"pglite" for the embedded database, "postgres" with DATABASE_URL',
              }),
            },
            { description: 'Answered without touching the database (use /health for its reachability)' },
          ),
        },
      },
    },
    async () => ({ name: pkg.name, version: pkg.version, database: app.deps.databaseKind }),
  );
};
