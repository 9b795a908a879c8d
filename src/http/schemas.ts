// Schemas shared by every feature: the error body, nullable scalars, ids and timestamps.
import { Type, type Static, type TSchema } from 'typebox';

export const ErrorBody = Type.Object(
  { error: Type.String(), code: Type.String(), field: Type.Optional(Type.String()) },
  { additionalProperties: Type.String(), description: 'Every error: a JSON object of strings with an `error` sentence' },
);

/** `T | null` as `type: [T, "null"]` (OpenAPI 3.1), keeping T's keywords (length, range, format). */
export function Nullable<T extends TSchema & { type: string }>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });
}

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const Timestamp = Type.String({ format: 'date-time' });
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'Numeric id' }) });

/** Error responses a route can give, for its `response` schema. */
export function errorResponses(...codes: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(codes.map((c) => [c, ErrorBody]));
}

export const MessageBody = Type.Object({ message: Type.String() });

type SecurityRequirements = { [scheme: string]: string[] }[];
/** OpenAPI security of routes for dashboard users only (JWT). */
export const DASHBOARD_SECURITY: SecurityRequirements = [{ BearerAuth: [] }];
/** OpenAPI security of routes that bots may call too (API key, or a dashboard JWT). */
export const BOT_OR_DASHBOARD_SECURITY: SecurityRequirements = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];
