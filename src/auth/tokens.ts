// Dashboard tokens: JWT signed with HS256 (the only algorithm accepted when verifying), valid 24 h,
// naming the user, organization, role and the server-side session they belong to.
import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '../db/schema.js';

export const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const ISSUER = 'chatlogger';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

export interface TokenClaims {
  userId: number;
  organizationId: number;
  role: Role;
  sessionId: string;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ org: claims.organizationId, role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The claims of a valid token, or undefined for anything forged, expired or malformed. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      const userId = Number(payload.sub);
      const { org, sid } = payload;
      // Even a correctly signed token must carry well-formed claims before they reach a query.
      if (!isId(userId) || !isId(org) || typeof sid !== 'string' || !UUID.test(sid)) return undefined;
      return { userId, organizationId: org, role: payload.role as Role, sessionId: sid };
    } catch {
      return undefined;
    }
  }
}
