// Webhook rules: saving endpoints (URL checked, secret made), rotating secrets, test events,
// the delivery log and redelivery. Every function takes the caller's organization id; another
// organization's endpoint is 404.
import type { AppDeps } from '../http/context.js';
import { pageOf, sequenceCursor } from '../http/cursor.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { TEST_EVENT } from './events.js';
import * as repo from './repository.js';
import type { CreateEndpointBody, UpdateEndpointBody } from './schemas.js';
import { newSecret } from './signing.js';
import { addressProblem, urlProblem } from './url-safety.js';

/** At most this many endpoints per organization (each event is queued once per endpoint). */
export const MAX_ENDPOINTS = 20;
const DEFAULT_OVERLAP_SECONDS = 86_400;

export interface WebhookSettings {
  allowPrivate: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentEndpoint(row: repo.EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as CreateEndpointBody['events'],
    include_content: row.includeContent,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    disabled_at: iso(row.disabledAt),
    failing_since: iso(row.failingSince),
    previous_secret_expires_at: row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? iso(row.previousSecretExpiresAt) : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

async function checkUrl(url: string, settings: WebhookSettings): Promise<void> {
  const problem = urlProblem(url) ?? (await addressProblem(url, settings.allowPrivate));
  if (problem) throw badRequest(problem, 'url');
}

async function endpointOf(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findEndpoint(deps.db, organizationId, id);
  if (!row) throw notFound('Webhook endpoint not found');
  return row;
}

export async function createEndpoint(deps: AppDeps, organizationId: number, body: CreateEndpointBody, settings: WebhookSettings) {
  await checkUrl(body.url, settings);
  if ((await repo.listEndpoints(deps.db, organizationId)).length >= MAX_ENDPOINTS) {
    throw conflict(`An organization can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
  }
  const secret = newSecret();
  const row = await repo.insertEndpoint(deps.db, organizationId, {
    url: body.url,
    description: body.description ?? '',
    events: body.events,
    includeContent: body.include_content ?? false,
    secret,
  });
  return { ...presentEndpoint(row), secret };
}

export async function listEndpoints(deps: AppDeps, organizationId: number) {
  return { endpoints: (await repo.listEndpoints(deps.db, organizationId)).map(presentEndpoint) };
}

export async function getEndpoint(deps: AppDeps, organizationId: number, id: number) {
  return presentEndpoint(await endpointOf(deps, organizationId, id));
}

export async function updateEndpoint(deps: AppDeps, organizationId: number, id: number, body: UpdateEndpointBody, settings: WebhookSettings) {
  if (body.url !== undefined) await checkUrl(body.url, settings);
  const changes: Partial<repo.EndpointRow> = {
    ...(body.url !== undefined ? { url: body.url } : {}),
    ...(body.events !== undefined ? { events: body.events } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.include_content !== undefined ? { includeContent: body.include_content } : {}),
    // Enabling (again) starts with a clean record; disabling by hand gives no reason.
    ...(body.enabled === true ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null } : {}),
    ...(body.enabled === false ? { enabled: false, disabledReason: null, disabledAt: new Date() } : {}),
  };
  const row = await repo.updateEndpoint(deps.db, organizationId, id, changes);
  if (!row) throw notFound('Webhook endpoint not found');
  return presentEndpoint(row);
}

export async function deleteEndpoint(deps: AppDeps, organizationId: number, id: number) {
  if (!(await repo.deleteEndpoint(deps.db, organizationId, id))) throw notFound('Webhook endpoint not found');
}

/** A new secret; the current one keeps signing beside it for `overlapSeconds`. */
export async function rotateSecret(deps: AppDeps, organizationId: number, id: number, overlapSeconds = DEFAULT_OVERLAP_SECONDS) {
  const current = await endpointOf(deps, organizationId, id);
  const secret = newSecret();
  const expires = overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
  await repo.updateEndpoint(deps.db, organizationId, id, {
    secret,
    previousSecret: expires ? current.secret : null,
    previousSecretExpiresAt: expires,
  });
  return { secret, previous_secret_expires_at: iso(expires) };
}

export async function sendTestEvent(deps: AppDeps, organizationId: number, id: number) {
  const endpoint = await endpointOf(deps, organizationId, id);
  if (!endpoint.enabled) throw conflict('The endpoint is disabled: enable it first (PATCH with "enabled": true)');
  const eventId = await repo.insertEventFor(deps.db, organizationId, id, TEST_EVENT, {
    message: 'A test event from ChatLogger: your endpoint receives and verifies webhooks.',
  });
  return { message: 'Test event queued', event_id: eventId };
}

export async function listDeliveries(deps: AppDeps, organizationId: number, id: number, limit: number, cursor?: number) {
  await endpointOf(deps, organizationId, id);
  const rows = await repo.listDeliveries(deps.db, organizationId, id, limit, cursor);
  const { page, next_cursor } = pageOf(rows, limit, (last) => sequenceCursor.encode(last.delivery.id));
  return {
    deliveries: page.map(({ delivery: d, eventType, eventStatus }) => ({
      id: d.id,
      event_id: d.eventId,
      event_type: eventType,
      event_status: eventStatus,
      attempt: d.attempt,
      url: d.url,
      requested_at: d.requestedAt.toISOString(),
      duration_ms: d.durationMs,
      response_status: d.responseStatus,
      response_body: d.responseBody,
      error: d.error,
      success: d.success,
    })),
    next_cursor,
  };
}

export async function redeliver(deps: AppDeps, organizationId: number, id: number, deliveryId: number) {
  await endpointOf(deps, organizationId, id);
  const result = await repo.requeueDelivery(deps.db, organizationId, id, deliveryId);
  if (result === 'missing') throw notFound('Delivery not found');
  if (result === 'sending') throw conflict('This event is being delivered right now; try again in a moment');
  return { message: 'Event queued for redelivery', event_id: result };
}

export async function needsAttention(deps: AppDeps, organizationId: number) {
  return (await repo.disabledEndpoints(deps.db, organizationId)).map(presentEndpoint);
}
