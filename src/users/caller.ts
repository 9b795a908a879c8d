// The dashboard user behind a request. Routes for people (profile, members, invitations) are
// authenticated without `apiKey: true`, so an API key never gets this far; the check here only
// narrows the type, and fails closed if a route is ever opened to keys by mistake.
import type { FastifyRequest } from 'fastify';
import { principalOf, type Principal } from '../http/authenticate.js';
import { forbidden } from '../http/errors.js';

export type DashboardUser = Extract<Principal, { kind: 'user' }>;

export function dashboardUserOf(request: FastifyRequest): DashboardUser {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw forbidden('API keys cannot be used here; sign in to the dashboard');
  return principal;
}
