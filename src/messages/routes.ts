import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, botOrWriter, organizationOf, principalOf } from '../http/authenticate.js';
import { BOT_OR_DASHBOARD_SECURITY, DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import {
  ChatMessagesParams,
  CreateMessageBody,
  CreateMessageResponse,
  ListMessagesQuery,
  MessageList,
  SlugChatMessagesParams,
} from './schemas.js';
import { IdempotencyHeaders, idempotencyOf, sendAnswer } from '../ingest/idempotency.js';
import { createMessage, listMessages } from './service.js';
import { audited } from '../audit/service.js';
import { redactedMessageBody } from '../redaction/write-paths.js';
import { transcriptGrant } from '../transcript-access/service.js';

const tags = ['Messages'];
const createResponses = { 201: CreateMessageResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 500) };
const description =
  'Adds a message to the transcript of a chat of the caller\'s organization. role: user, assistant or system; ' +
  'content: 1–100,000 characters; metadata.token_count ≥ 0; metadata.response_time ≥ 0 (milliseconds). ' +
  "An unknown chat, or another organization's, is 404.";

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/chats/:id/messages',
    {
      onRequest: botOrWriter,
      schema: {
        tags,
        security: BOT_OR_DASHBOARD_SECURITY,
        summary: 'Add a message to a chat',
        description,
        params: ChatMessagesParams,
        headers: IdempotencyHeaders,
        body: CreateMessageBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create message' },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request);
      const chatId = Number(request.params.id);
      // Redacted before it is hashed for its Idempotency-Key, queued or written (src/redaction/ingest.ts).
      const body = await redactedMessageBody(app.deps, organizationId, chatId, request.body);
      const idempotency = idempotencyOf(request, `message:${chatId}`, body);
      return sendAnswer(reply, await createMessage(app.deps, organizationId, chatId, body, idempotency));
    },
  );

  app.post(
    '/api/v1/orgs/:slug/chats/:chatID/messages',
    {
      onRequest: botOrWriter,
      schema: {
        tags,
        security: BOT_OR_DASHBOARD_SECURITY,
        summary: 'Add a message to a chat (public API, by organization slug)',
        description: `${description} Any slug other than the caller's organization is 403.`,
        params: SlugChatMessagesParams,
        headers: IdempotencyHeaders,
        body: CreateMessageBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create message' },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request, request.params.slug);
      const chatId = Number(request.params.chatID);
      const body = await redactedMessageBody(app.deps, organizationId, chatId, request.body);
      const idempotency = idempotencyOf(request, `message:${chatId}`, body);
      return sendAnswer(reply, await createMessage(app.deps, organizationId, chatId, body, idempotency));
    },
  );

  app.get(
    '/api/v1/chats/:id/messages',
    {
      onRequest: authenticate(),
      schema: {
        tags,
        security: DASHBOARD_SECURITY,
        summary: "A chat's transcript, oldest first (keyset pagination)",
        params: ChatMessagesParams,
        querystring: ListMessagesQuery,
        description:
          'In works-council mode only the admin holding an approved, unexpired access request for this chat may read it ' +
          '(403 transcript_access_required otherwise); each page read under a grant is audited.',
        response: { 200: MessageList, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to list messages' },
    },
    async (request) => {
      const id = Number(request.params.id);
      const read = (deps: typeof app.deps) => listMessages(deps, organizationOf(request), id, request.query.limit ?? 100, request.query.cursor);
      const grant = await transcriptGrant(app.deps.db, principalOf(request), id);
      if (grant) {
        return audited(request, { action: 'transcript.read', targetType: 'chat', targetId: id, details: { request_id: grant.id, cursor: request.query.cursor ?? null } }, read);
      }
      // Opening a transcript is audited once (its first page), in the read's transaction.
      if (request.query.cursor !== undefined) return read(app.deps);
      return audited(request, { action: 'transcript.opened', targetType: 'chat', targetId: id }, read);
    },
  );
};
