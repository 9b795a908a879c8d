// The shapes the dashboard reads, taken from the server's OpenAPI document: ./generated/openapi.ts
// is generated from /openapi.json (`npm run web:types`; test/sdk-types.test.ts fails when it is
// stale), so a route schema change that the dashboard does not follow fails `tsc -p web`.
// What is written by hand below is only what the document cannot give: the dashboard's own
// additions, and lists the pages iterate over at run time (checked against the document's types).
import type { paths } from './generated/openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The JSON body of the `status` answer of `method` on `path`. */
export type Answer<P extends keyof paths, M extends Method, S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends Record<S, { content: { 'application/json': infer B } }>
    ? B
    : never
  : never;
/** The JSON body that `method` on `path` takes. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** The query parameters of `method` on `path`. */
export type Query<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type User = Answer<'/api/v1/users/me', 'get'>;
export type Role = User['role'];
export type Organization = Answer<'/api/v1/orgs/me', 'get'>;

export type ChatList = Answer<'/api/v1/chats', 'get'>;
export type Chat = ChatList['chats'][number];
export type ChatMetadata = Chat['metadata'];
export type Message = Answer<'/api/v1/chats/{id}/messages', 'get'>['messages'][number];

export type ChatWithMessages = Answer<'/api/v1/chats/{id}', 'get'> & {
  /** Set by the dashboard (not the API) when works-council mode closed the transcript: the server's sentence. */
  transcript_closed?: string;
};

export type ApiKey = Answer<'/api/v1/orgs/me/apikeys', 'get'>[number];

/** A member of the organization (GET /api/v1/orgs/me/users answers a list of them). */
export type Member = Answer<'/api/v1/orgs/me/users', 'get'>[number];

export type Invitation = Answer<'/api/v1/orgs/me/invitations', 'get'>[number];

export type ExportJob = Answer<'/api/v1/exports/{id}', 'get'>;
export type ExportFormat = ExportJob['format'];
export type ExportType = ExportJob['type'];

export type Summary = Answer<'/api/v1/analytics/summary', 'get'>;
export type Timeseries = Answer<'/api/v1/analytics/timeseries', 'get'>;
export type Breakdown = Answer<'/api/v1/analytics/breakdown', 'get'>;
export type MetricName = keyof Summary['metrics'];
/** Works-council mode: why a figure is null (null: shown). */
export type Suppression = NonNullable<Summary['suppressed']>;
/** Works-council mode: its k, or null when the mode is off. */
export type WorksCouncil = Summary['works_council'];
export type Interval = NonNullable<Query<'/api/v1/analytics/timeseries', 'get'>['interval']>;
export type BreakdownField = Query<'/api/v1/analytics/breakdown', 'get'>['by'];
export type MetricValues = NonNullable<Breakdown['other']>;

/** Every metric, in the order the pages offer them; the type says that none is missing or unknown. */
export const METRICS = [
  'chats',
  'end_users',
  'messages',
  'escalation_rate',
  'hr_forwarding_rate',
  'avg_response_time',
  'p50_response_time',
  'p90_response_time',
  'avg_rating',
  'rated_chats',
  'csat',
  'total_tokens',
  'avg_tokens',
] as const satisfies readonly MetricName[];
type Missing = Exclude<MetricName, (typeof METRICS)[number]>;
// A metric the server adds and this list lacks is a type error here.
export const NO_METRIC_MISSING: [Missing] extends [never] ? true : Missing = true;
