// The dashboard user a JWT stands for, while its session, user and organization still exist (the
// auth hook's question, src/http/authenticate.ts).
import type { AppDeps } from '../http/context.js';
import type { Principal } from '../http/authenticate.js';
import { findActiveSession } from './repository.js';

export async function sessionPrincipal(deps: AppDeps, token: string): Promise<Principal | undefined> {
  const claims = await deps.tokens.verify(token);
  if (!claims) return undefined;
  const session = await findActiveSession(deps.db, claims.sessionId, claims.userId, claims.organizationId);
  if (!session) return undefined;
  return { kind: 'user', userId: claims.userId, organizationId: claims.organizationId, sessionId: claims.sessionId, ...session };
}
