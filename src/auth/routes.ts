import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AUTH_COOKIE, identify } from '../http/authenticate.js';
import { errorResponses, MessageBody } from '../http/schemas.js';
import { revokeSession } from './repository.js';
import { LoginBody, LoginResponse, RegisterAccepted, RegisterBody, RegisterResponse } from './schemas.js';
import { login, register } from './service.js';
import { TOKEN_LIFETIME_SECONDS } from './tokens.js';
import { presentUser } from './presenter.js';

const REGISTERED =
  'Registration received: sign in with this e-mail address and password. If the address already had an account, ' +
  'nothing was created and that account keeps its own password.';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Secure when COOKIE_SECURE says so, else when the request came over HTTPS (directly, or through a
  // proxy trusted by TRUST_PROXY that sent X-Forwarded-Proto: https).
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: app.deps.cookieSecure ?? request.protocol === 'https',
  });

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['Authentication'],
        summary: 'Register: a new organization with you as its admin, or join one with an invitation',
        description:
          'With organization_name (and optionally organization_slug): creates an organization and its first user, an admin, ' +
          'and answers 202 with one sentence; then sign in with the e-mail and password. The answer is the same when the e-mail ' +
          'address already has an account (in any organization): then nothing is created, that account is unchanged, and only ' +
          "its own password signs in. Refused (403) when ALLOW_REGISTRATION=false. At most RATE_LIMIT_REGISTER attempts per " +
          'client IP (default 10 an hour), else 429. With invite_token (from POST /api/v1/orgs/me/invitations): ' +
          'joins the inviting organization with the invited role; the e-mail must be the invited one, the token works ' +
          'once and for 7 days, and this works even when ALLOW_REGISTRATION=false (invitations are how closed ' +
          'installations add people). An unknown, expired or used token is 400 "invite_token is invalid or expired".',
        body: RegisterBody,
        response: { 201: RegisterResponse, 202: RegisterAccepted, ...errorResponses(400, 403, 409, 415, 429, 500) },
      },
      config: { failureMessage: 'Failed to register' },
    },
    async (request, reply) => {
      const registration = await register(app.deps, request.body);
      if (request.body.invite_token !== undefined && registration.outcome === 'created') {
        const { userId, organization } = registration;
        return reply.code(201).send({ message: 'User registered successfully', user_id: userId, organization });
      }
      if (registration.outcome === 'existing') request.log.info('registration for an e-mail address that has an account: nothing created');
      return reply.code(202).send({ message: REGISTERED });
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['Authentication'],
        summary: 'Sign in; returns a JWT and sets it as the HttpOnly cookie auth_token',
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses(400, 401, 415, 500) },
      },
      config: { failureMessage: 'Failed to log in' },
    },
    async (request, reply) => {
      const { user, token, expiresAt } = await login(app.deps, request.body, request.ip);
      reply.setCookie(AUTH_COOKIE, token, { ...cookieOptions(request), maxAge: TOKEN_LIFETIME_SECONDS });
      return { message: 'Login successful', user: presentUser(user), token, expires_at: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['Authentication'],
        summary: 'Sign out: revokes the session server-side and clears the cookie',
        response: { 200: MessageBody, ...errorResponses(500) },
      },
      config: { failureMessage: 'Failed to log out' },
    },
    async (request, reply) => {
      const principal = await identify(request).catch(() => null);
      if (principal?.kind === 'user') await revokeSession(app.deps.db, principal.organizationId, principal.sessionId);
      reply.clearCookie(AUTH_COOKIE, cookieOptions(request));
      return { message: 'Logout successful' };
    },
  );
};
