import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, botOrWriter, organizationOf, principalOf } from '../http/authenticate.js';
import { BOT_OR_DASHBOARD_SECURITY, DASHBOARD_SECURITY, errorResponses, MessageBody } from '../http/schemas.js';
import {
  Chat,
  ChatIdParams,
  ChatList,
  ChatWithMessages,
  CreateChatBody,
  CreateChatResponse,
  GetChatQuery,
  ListChatsQuery,
  SlugChatParams,
  SlugParams,
  TagCounts,
  UpdateChatBody,
} from './schemas.js';
import { BATCH_BODY_LIMIT, BATCHES_AT_ONCE, ChatBatchBody, ChatBatchResponse, MAX_BATCH_CHATS } from '../ingest/chat-batch.js';
import { createChatBatch } from './batch.js';
import { IdempotencyHeaders, idempotencyOf, sendAnswer } from '../ingest/idempotency.js';
import { BodyGate } from '../ingest/body-gate.js';
import { createChat, deleteChat, getChat, listChats, listTags, updateChat } from './service.js';
import { audited } from '../audit/service.js';
import { assertTextSearchAllowed, transcriptGrant, withholdTitles } from '../transcript-access/service.js';
import { readTimeSharesOf } from '../cost-limits/time-share.js';
import { redactedChatBody } from '../redaction/write-paths.js';

const tags = ['Chats'];
const dashboardReader = authenticate();
const adminOnly = authenticate({ roles: ['admin'] });
const createResponses = { 201: CreateChatResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 500) };
const batchResponses = { 207: ChatBatchResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 500) };

export const chatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const createDescription =
    "Creates a chat session for the caller's organization, with a dashboard JWT (admin or user) or an " +
    'organization API key. Every field is optional; what is sent is validated, and a 400 names the field.';

  app.post(
    '/api/v1/chats',
    {
      onRequest: botOrWriter,
      schema: {
        tags,
        security: BOT_OR_DASHBOARD_SECURITY,
        summary: 'Create a chat',
        description: createDescription,
        headers: IdempotencyHeaders,
        body: CreateChatBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create chat' },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request);
      // Redacted before it is hashed for its Idempotency-Key, queued or written (src/redaction/ingest.ts).
      const body = await redactedChatBody(app.deps, organizationId, request.body);
      const answer = await createChat(app.deps, organizationId, body, idempotencyOf(request, 'chat', body));
      return sendAnswer(reply, answer);
    },
  );

  app.post(
    '/api/v1/orgs/:slug/chats',
    {
      onRequest: botOrWriter,
      schema: {
        tags,
        security: BOT_OR_DASHBOARD_SECURITY,
        summary: 'Create a chat (public API, by organization slug)',
        description: `${createDescription} The slug must be the caller's own organization: any other slug, existing or not, is 403.`,
        params: SlugParams,
        headers: IdempotencyHeaders,
        body: CreateChatBody,
        response: createResponses,
      },
      config: { failureMessage: 'Failed to create chat' },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request, request.params.slug);
      const body = await redactedChatBody(app.deps, organizationId, request.body);
      const answer = await createChat(app.deps, organizationId, body, idempotencyOf(request, 'chat', body));
      return sendAnswer(reply, answer);
    },
  );

  const batchDescription =
    `Creates up to ${MAX_BATCH_CHATS} chats (body up to ${BATCH_BODY_LIMIT / 1024 / 1024} MiB) for the caller's organization, with the same ` +
    'authentication as Create Chat. Each item is validated exactly like a Create Chat body; the valid ones are stored in one ' +
    'transaction and the invalid ones are not. 207 with one result per item, in order: {index, status: 201, chat_id}, or ' +
    '{index, status: 400, error, code, field} with the same error a single POST of that item would get.';
  // At most BATCHES_AT_ONCE batch bodies parsed, checked and written at a time; the others wait unparsed.
  const batchGate = new BodyGate(BATCHES_AT_ONCE, app.deps.batchQueue, BATCH_BODY_LIMIT);
  const batchRoute = (slugged: boolean) => ({
    onRequest: botOrWriter,
    preParsing: batchGate.hook,
    bodyLimit: BATCH_BODY_LIMIT,
    config: { failureMessage: 'Failed to create chats', checksItemStrings: true, bodyGate: batchGate },
    schema: {
      tags,
      security: BOT_OR_DASHBOARD_SECURITY,
      summary: slugged ? 'Create many chats (public API, by organization slug)' : 'Create many chats',
      description: slugged ? `${batchDescription} Any slug other than the caller's organization is 403.` : batchDescription,
      headers: IdempotencyHeaders,
      body: ChatBatchBody,
      response: batchResponses,
    },
  });

  app.post('/api/v1/chats/batch', batchRoute(false), async (request, reply) => {
    const organizationId = organizationOf(request);
    const answer = await createChatBatch(app.deps, organizationId, request.body, (redacted) => idempotencyOf(request, 'chat-batch', redacted));
    return sendAnswer(reply, answer);
  });

  app.post('/api/v1/orgs/:slug/chats/batch', { ...batchRoute(true), schema: { ...batchRoute(true).schema, params: SlugParams } }, async (request, reply) => {
    const organizationId = organizationOf(request, request.params.slug);
    const answer = await createChatBatch(app.deps, organizationId, request.body, (redacted) => idempotencyOf(request, 'chat-batch', redacted));
    return sendAnswer(reply, answer);
  });

  app.get(
    '/api/v1/chats',
    {
      onRequest: dashboardReader,
      schema: {
        tags,
        security: DASHBOARD_SECURITY,
        summary: "Search the organization's chats (filters combine with AND; keyset pagination)",
        querystring: ListChatsQuery,
        response: { 200: ChatList, ...errorResponses(400, 401, 403, 422, 429, 500) },
      },
      config: { failureMessage: 'Failed to list chats', tooExpensiveHint: 'a shorter from/to range, a longer q, fewer filters, or no include_total' },
    },
    async (request) => {
      const { sort, limit, cursor, include_total, ...filters } = request.query;
      const organizationId = organizationOf(request);
      await assertTextSearchAllowed(app.deps.db, organizationId, filters.q);
      // A search (q, include_total) can cost as much as an analytics read: the same time share.
      const answer = await readTimeSharesOf(app.deps).run(organizationId, () =>
        listChats(app.deps, organizationId, filters, {
          sort: sort ?? '-created_at',
          limit: limit ?? 20,
          cursor,
          includeTotal: include_total ?? false,
        }),
      );
      // Works-council mode: titles only for chats the caller holds an access grant for.
      return { ...answer, chats: await withholdTitles(app.deps.db, principalOf(request), answer.chats) };
    },
  );

  app.get(
    '/api/v1/chats/:id',
    {
      onRequest: dashboardReader,
      schema: {
        tags,
        security: DASHBOARD_SECURITY,
        summary: 'Get one chat (with ?include_messages=true, its transcript too)',
        params: ChatIdParams,
        querystring: GetChatQuery,
        response: { 200: ChatWithMessages, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get chat' },
    },
    async (request) => {
      const id = Number(request.params.id);
      const withMessages = request.query.include_messages ?? false;
      const principal = principalOf(request);
      // Works-council mode: the transcript only under an approved access request (else 403).
      const grant = withMessages ? await transcriptGrant(app.deps.db, principal, id) : undefined;
      const event = grant
        ? { action: 'transcript.read', targetType: 'chat', targetId: id, details: { request_id: grant.id, cursor: null } }
        : { action: withMessages ? 'transcript.opened' : 'chat.opened', targetType: 'chat', targetId: id };
      // Opening a chat in the dashboard is audited (who read whose conversation); the answer leaves once the entry is committed.
      return audited(request, event, async (deps) => {
        const chat = await getChat(deps, organizationOf(request), id, withMessages);
        return (await withholdTitles(deps.db, principal, [chat]))[0];
      });
    },
  );

  const updateDescription =
    'Title; tags (replace) or add_tags / remove_tags; metadata merged field by field (null clears a field). ' +
    'Same validation as Create Chat. Answers the updated chat.';
  const updateResponses = { 200: Chat, ...errorResponses(400, 401, 403, 404, 413, 415, 500) };

  app.patch(
    '/api/v1/chats/:id',
    {
      onRequest: botOrWriter,
      schema: { tags, security: BOT_OR_DASHBOARD_SECURITY, summary: 'Update a chat', description: updateDescription, params: ChatIdParams, body: UpdateChatBody, response: updateResponses },
      config: { failureMessage: 'Failed to update chat' },
    },
    async (request) => (await withholdTitles(app.deps.db, principalOf(request), [await updateChat(app.deps, organizationOf(request), Number(request.params.id), request.body)]))[0],
  );

  app.patch(
    '/api/v1/orgs/:slug/chats/:id',
    {
      onRequest: botOrWriter,
      schema: {
        tags,
        security: BOT_OR_DASHBOARD_SECURITY,
        summary: 'Update a chat (public API, by organization slug)',
        description: `${updateDescription} Any slug other than the caller's organization is 403.`,
        params: SlugChatParams,
        body: UpdateChatBody,
        response: updateResponses,
      },
      config: { failureMessage: 'Failed to update chat' },
    },
    async (request) =>
      (await withholdTitles(app.deps.db, principalOf(request), [await updateChat(app.deps, organizationOf(request, request.params.slug), Number(request.params.id), request.body)]))[0],
  );

  app.delete(
    '/api/v1/chats/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security: DASHBOARD_SECURITY,
        summary: 'Delete a chat and its messages (admin)',
        params: ChatIdParams,
        response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to delete chat' },
    },
    async (request) => {
      const id = Number(request.params.id);
      await audited(request, { action: 'chat.deleted', targetType: 'chat', targetId: id }, (deps) => deleteChat(deps, organizationOf(request), id));
      return { message: 'Chat deleted successfully' };
    },
  );

  app.get(
    '/api/v1/tags',
    {
      onRequest: dashboardReader,
      schema: {
        tags,
        security: DASHBOARD_SECURITY,
        summary: "The organization's tags with the number of chats carrying each, most used first",
        response: { 200: TagCounts, ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list tags' },
    },
    async (request) => listTags(app.deps, organizationOf(request)),
  );
};
