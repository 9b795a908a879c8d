import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseInstant } from '../chats/filters.js';
import { authenticate, organizationOf } from '../http/authenticate.js';
import { badRequest } from '../http/errors.js';
import { errorResponses, Timestamp } from '../http/schemas.js';
import { countMessagesByRole } from '../messages/repository.js';

const DEFAULT_RANGE_DAYS = 30;

const MessagesQuery = Type.Object(
  {
    start: Type.Optional(Type.String({ description: 'From (inclusive): ISO 8601 with a zone, or a date. Default: 30 days before end' })),
    end: Type.Optional(Type.String({ description: 'Until (exclusive): ISO 8601 with a zone, or a date. Default: now' })),
  },
  { additionalProperties: false },
);

const MessagesResponse = Type.Object({
  total_messages: Type.Integer(),
  by_role: Type.Object({ user: Type.Integer(), assistant: Type.Integer(), system: Type.Integer() }),
  date_range: Type.Object({ start: Timestamp, end: Timestamp }),
});

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/analytics/messages',
    {
      onRequest: authenticate(),
      schema: {
        tags: ['Analytics'],
        security: [{ BearerAuth: [] }],
        summary: 'Messages in a date range, in total and by role',
        querystring: MessagesQuery,
        response: { 200: MessagesResponse, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to compute message analytics' },
    },
    async (request) => {
      const end = parseInstant(request.query.end, 'end') ?? new Date();
      const start = parseInstant(request.query.start, 'start') ?? new Date(end.getTime() - DEFAULT_RANGE_DAYS * 86_400_000);
      if (start >= end) throw badRequest('start must be before end', 'start');
      const rows = await countMessagesByRole(app.deps.db, organizationOf(request), start, end);
      const byRole = { user: 0, assistant: 0, system: 0 };
      for (const row of rows) byRole[row.role] = row.n;
      return {
        total_messages: byRole.user + byRole.assistant + byRole.system,
        by_role: byRole,
        date_range: { start: start.toISOString(), end: end.toISOString() },
      };
    },
  );
};
