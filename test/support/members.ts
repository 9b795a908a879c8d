// Steps shared by the users, members and roles tests: the error-shape check, and adding a member
// to an organization the way people really join one (an invitation, then registration).
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { bearer, logIn } from '../helpers/app.js';
import { expectError } from '../helpers/errors.js';

export { expectError };

export const PASSWORD = 'correct horse battery';
export const uid = () => crypto.randomBytes(4).toString('hex');


/** A 400 that names `field` in its sentence and in `field`. */
export function expectFieldError(res: LightMyRequestResponse, field: string) {
  const body = expectError(res, 400);
  expect(body.error).toContain(field);
  expect(body.field).toBe(field);
  return body;
}

export type Role = 'admin' | 'user' | 'viewer';

export async function invite(app: App, adminToken: string, role: Role, email = `${role}-${uid()}@example.com`) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/orgs/me/invitations',
    headers: bearer(adminToken),
    payload: { email, role },
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.body}`);
  return res.json() as { id: number; email: string; role: Role; invite_token: string; expires_at: string };
}

export interface Member {
  email: string;
  password: string;
  userId: number;
  token: string;
  cookie: string;
}

/** Invites a new member with `role`, registers them with the token and logs them in. */
export async function addMember(app: App, adminToken: string, role: Role): Promise<Member> {
  const { email, invite_token } = await invite(app, adminToken, role);
  const res = await app.inject({ method: 'POST', url: '/auth/register', payload: { invite_token, email, password: PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`register by invitation failed: ${res.body}`);
  return { email, password: PASSWORD, userId: res.json().user_id, ...(await logIn(app, email, PASSWORD)) };
}
