import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, organizationOf } from '../http/authenticate.js';
import { errorResponses } from '../http/schemas.js';
import {
  ChatMessagesParams,
  CreateMessageBody,
  CreateMessageResponse,
  ListMessagesQuery,
  MessageList,
  SlugChatMessagesParams,
} from './schemas.js';
import { createMessage, listMessages } from './service.js';

const tags = ['Messages'];
const messageWriter = authenticate({ apiKey: true, roles: ['admin', 'user'] });
const writeSecurity: { [scheme: string]: string[] }[] = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];
const createResponses = { 201: CreateMessageResponse, ...errorResponses(400, 401, 403, 404, 413, 415, 500) };
const description =
  'Adds a message to the transcript of a chat of the caller\'s organization. role: user, assistant or system; ' +
  'content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). ' +
  "An unknown chat, or another organization's, is 404.";

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/chats/:id/messages',
    {
      onRequest: messageWriter,
      schema: { tags, security: writeSecurity, summary: 'Add a message to a chat', description, params: ChatMessagesParams, body: CreateMessageBody, response: createResponses },
      config: { failureMessage: 'Failed to create message' },
    },
    async (request, reply) => {
      const id = await createMessage(app.deps, organizationOf(request), Number(request.params.id), request.body);
      return reply.code(201).send({ message: 'Message created successfully', message_id: id });
    },
  );

  app.post(
    '/api/v1/orgs/:slug/chats/:chatID/messages',
    {
      onRequest: messageWriter,
      schema: {
        tags,
        security: writeSecurity,
        summary: 'Add a message to a chat (public API, by organization slug)',
        description: `${description} Any slug other than the caller's organization is 403.`,
        params: SlugChatMessagesParams,
        body: CreateMessageBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create message' },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request, request.params.slug);
      const id = await createMessage(app.deps, organizationId, Number(request.params.chatID), request.body);
      return reply.code(201).send({ message: 'Message created successfully', message_id: id });
    },
  );

  app.get(
    '/api/v1/chats/:id/messages',
    {
      onRequest: authenticate(),
      schema: {
        tags,
        security: [{ BearerAuth: [] }],
        summary: "A chat's transcript, oldest first (keyset pagination)",
        params: ChatMessagesParams,
        querystring: ListMessagesQuery,
        response: { 200: MessageList, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to list messages' },
    },
    async (request) =>
      listMessages(app.deps, organizationOf(request), Number(request.params.id), request.query.limit ?? 100, request.query.cursor),
  );
};
