import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { forbidden } from '../http/errors.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { Chat, ChatList, CreateChatBody, CreateChatResponse, ListChatsQuery, SlugParams } from './schemas.js';
import { createChat, getChat, listChats } from './service.js';

const tags = ['Chats'];
// Bots (API key) and dashboard users who may write (admin, user) create chats; viewers only read.
const chatWriter = authenticate({ apiKey: true, roles: ['admin', 'user'] });
const dashboardReader = authenticate();
const writeSecurity: { [scheme: string]: string[] }[] = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];
const createResponses = { 201: CreateChatResponse, ...errorResponses(400, 401, 403, 413, 415, 500) };

export const chatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/chats',
    {
      onRequest: chatWriter,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Create a chat',
        description:
          'Creates a chat session for the caller\'s organization, with a dashboard JWT or an organization API key. ' +
          'Every field is optional; what is sent is validated, and a 400 names the field.',
        body: CreateChatBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create chat' },
    },
    async (request, reply) => {
      const chatId = await createChat(app.deps, principalOf(request).organizationId, request.body);
      return reply.code(201).send({ message: 'Chat created successfully', chat_id: chatId });
    },
  );

  app.post(
    '/api/v1/orgs/:slug/chats',
    {
      onRequest: chatWriter,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Create a chat (public API, by organization slug)',
        description:
          'Same as POST /api/v1/chats. The slug must be the caller\'s own organization: any other slug, ' +
          'existing or not, is 403.',
        params: SlugParams,
        body: CreateChatBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create chat' },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (request.params.slug !== principal.organizationSlug) {
        throw forbidden(
          principal.kind === 'api_key'
            ? 'This API key does not belong to the organization in the URL'
            : 'You do not belong to the organization in the URL',
        );
      }
      const chatId = await createChat(app.deps, principal.organizationId, request.body);
      return reply.code(201).send({ message: 'Chat created successfully', chat_id: chatId });
    },
  );

  app.get(
    '/api/v1/chats',
    {
      onRequest: dashboardReader,
      schema: {
        tags,
        security: [{ BearerAuth: [] }],
        summary: "List the organization's chats, newest first (keyset pagination)",
        querystring: ListChatsQuery,
        response: { 200: ChatList, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list chats' },
    },
    async (request) => listChats(app.deps, principalOf(request).organizationId, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/v1/chats/:id',
    {
      onRequest: dashboardReader,
      schema: {
        tags,
        security: [{ BearerAuth: [] }],
        summary: 'Get one chat',
        params: IdParams,
        response: { 200: Chat, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get chat' },
    },
    async (request) => getChat(app.deps, principalOf(request).organizationId, Number(request.params.id)),
  );
};
