// Who is calling: a dashboard user (JWT in `Authorization: Bearer`, or the `auth_token` cookie)
// or a bot (an organization API key in `x-organization-api-key`, or in `Authorization`, raw or
// as `Bearer KEY`). A JWT only counts while its session, user and organization still exist.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { findActiveKey, touchApiKey } from '../api-keys/repository.js';
import { hashApiKey, isWellFormedApiKey, looksLikeApiKey } from '../api-keys/key-format.js';
import { findActiveSession } from '../auth/repository.js';
import type { Role } from '../db/schema.js';
import { forbidden, unauthorized } from './errors.js';

export const AUTH_COOKIE = 'auth_token';

export type Principal =
  | { kind: 'user'; userId: number; organizationId: number; organizationSlug: string; role: Role; sessionId: string }
  | { kind: 'api_key'; apiKeyId: number; organizationId: number; organizationSlug: string };

/** The one credential the request carries, or undefined. Two different ones are refused. */
function readCredential(request: FastifyRequest): string | undefined {
  const headerKey = request.headers['x-organization-api-key'];
  const authorization = request.headers.authorization;
  const fromAuthorization = authorization?.replace(/^Bearer\s+/i, '').trim() || undefined;
  const fromHeader = typeof headerKey === 'string' ? headerKey.trim() || undefined : undefined;
  if (fromHeader && fromAuthorization && fromHeader !== fromAuthorization) {
    throw unauthorized('x-organization-api-key and Authorization carry different credentials; send one');
  }
  return fromHeader ?? fromAuthorization ?? request.cookies[AUTH_COOKIE] ?? undefined;
}

async function apiKeyPrincipal(request: FastifyRequest, key: string): Promise<Principal> {
  if (!isWellFormedApiKey(key)) throw unauthorized('Invalid API key');
  const { db, apiKeyHmacKey, apiKeyCache } = request.server.deps;
  const hash = hashApiKey(key, apiKeyHmacKey);
  let row = apiKeyCache.get(hash);
  if (!row) {
    row = await findActiveKey(db, hash);
    if (!row) throw unauthorized('Invalid or revoked API key');
    apiKeyCache.set(hash, row);
  }
  if (await touchApiKey(db, row.organizationId, row.id, row.lastUsedAt)) row.lastUsedAt = new Date();
  return { kind: 'api_key', apiKeyId: row.id, organizationId: row.organizationId, organizationSlug: row.organizationSlug };
}

async function userPrincipal(request: FastifyRequest, token: string): Promise<Principal | undefined> {
  const claims = await request.server.deps.tokens.verify(token);
  if (!claims) return undefined;
  const session = await findActiveSession(request.server.deps.db, claims.sessionId, claims.userId, claims.organizationId);
  if (!session) return undefined;
  return { kind: 'user', userId: claims.userId, organizationId: claims.organizationId, sessionId: claims.sessionId, ...session };
}

/** Resolves the caller without requiring one (logout uses it); throws only for a bad API key. */
export async function identify(request: FastifyRequest): Promise<Principal | null> {
  const credential = readCredential(request);
  if (credential === undefined) return null;
  if (looksLikeApiKey(credential)) return apiKeyPrincipal(request, credential);
  return (await userPrincipal(request, credential)) ?? null;
}

export interface AuthRule {
  /** Whether an organization API key may call this route. */
  apiKey?: boolean;
  /** Dashboard roles allowed; every role when omitted. */
  roles?: readonly Role[];
}

/** A preHandler that requires a caller allowed by `rule` and stores it on request.principal. */
export function authenticate(rule: AuthRule = {}): preHandlerAsyncHookHandler {
  return async (request) => {
    const credential = readCredential(request);
    if (credential === undefined) {
      throw unauthorized(rule.apiKey ? 'Authentication required: send an API key or a bearer token' : 'Authentication required');
    }
    const principal = looksLikeApiKey(credential)
      ? await apiKeyPrincipal(request, credential)
      : await userPrincipal(request, credential);
    if (!principal) throw unauthorized('Invalid or expired token');
    if (principal.kind === 'api_key' && !rule.apiKey) {
      throw forbidden('API keys cannot be used here; sign in to the dashboard');
    }
    if (principal.kind === 'user' && rule.roles && principal.role !== 'superadmin' && !rule.roles.includes(principal.role)) {
      throw forbidden(`Your role (${principal.role}) may not do this; it needs ${rule.roles.join(' or ')}`);
    }
    request.principal = principal;
  };
}

/** Bots (API key) and dashboard users who may write (admin, user): who creates and annotates chats and messages. */
export const botOrWriter = authenticate({ apiKey: true, roles: ['admin', 'user'] });

/** The principal set by `authenticate`; only call it on routes that use it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('Authentication required');
  return request.principal;
}

/**
 * The caller's organization id. On the public `/orgs/{slug}/...` routes the slug must name the
 * caller's own organization: any other slug is 403, whether or not it exists (so as not to reveal
 * which slugs do).
 */
export function organizationOf(request: FastifyRequest, slug?: string): number {
  const principal = principalOf(request);
  if (slug !== undefined && slug !== principal.organizationSlug) {
    throw forbidden(
      principal.kind === 'api_key'
        ? 'This API key does not belong to the organization in the URL'
        : 'You do not belong to the organization in the URL',
    );
  }
  return principal.organizationId;
}
