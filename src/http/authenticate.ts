// Who is calling: a dashboard user (JWT in `Authorization: Bearer`, or the `auth_token` cookie)
// or a bot (an organization API key in `x-organization-api-key`, or in `Authorization`, raw or
// as `Bearer KEY`). A JWT only counts while its session, user and organization still exist.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../db/schema.js';
import type { AppDeps } from './context.js';
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

/** What a credential stands for: answered by the api-keys and auth features (wired in src/deps.ts). */
export interface CredentialResolver {
  /** Whether the credential has an API key's form (else it is taken for a JWT). */
  looksLikeApiKey(credential: string): boolean;
  /** The bot of a valid API key; throws 401 for an invalid or revoked one. */
  apiKey(deps: AppDeps, key: string): Promise<Principal>;
  /** The user of a valid token whose session still exists; undefined otherwise. */
  session(deps: AppDeps, token: string): Promise<Principal | undefined>;
}

function principalOfCredential(request: FastifyRequest, credential: string): Promise<Principal | undefined> {
  const { deps } = request.server;
  return deps.credentials.looksLikeApiKey(credential) ? deps.credentials.apiKey(deps, credential) : deps.credentials.session(deps, credential);
}

/** Resolves the caller without requiring one (logout uses it); throws only for a bad API key. */
export async function identify(request: FastifyRequest): Promise<Principal | null> {
  const credential = readCredential(request);
  if (credential === undefined) return null;
  return (await principalOfCredential(request, credential)) ?? null;
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
    const principal = await principalOfCredential(request, credential);
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
