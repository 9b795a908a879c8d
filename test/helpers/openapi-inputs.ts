// Bad input for any operation of the app's OpenAPI document (fast-check arbitraries): the
// operations are read from /openapi.json, so a new route is covered without a change here. Each
// request gets path parameters, a query string, headers and a body from the operation's declared
// names, with values that are wrong, at the edges of what the service accepts, or valid.
import fc from 'fast-check';

export interface Operation {
  method: string;
  /** The OpenAPI path ("/api/v1/chats/{id}"). */
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** The JSON schema of the body, when the operation takes one. */
  body?: any;
  /** Which credentials it takes: none, a dashboard JWT, or an API key or a JWT. */
  auth: 'none' | 'bearer' | 'key-or-bearer';
}

/** Every operation of an OpenAPI document. */
export function operationsOf(doc: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const params = (where: string) => (op.parameters ?? []).filter((p: any) => p.in === where).map((p: any) => p.name as string);
      const schemes = (op.security ?? []).flatMap((s: any) => Object.keys(s));
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        headerParams: params('header'),
        body: op.requestBody?.content?.['application/json']?.schema,
        auth: schemes.length === 0 ? 'none' : schemes.includes('ApiKeyAuth') ? 'key-or-bearer' : 'bearer',
      });
    }
  }
  return out;
}

// Values at the edges of what PostgreSQL, JavaScript and the API's rules hold.
const EDGE_STRINGS = [
  '', ' ', ',', '%', '\u0000', '\ud800', 'null', 'true', 'false', '-1', '0', '1', '1.5', '1e3', 'NaN', 'Infinity',
  '9007199254740993', '99999999999999999999', '-9223372036854775809', '١٢', 'x'.repeat(300),
  '0000-01-01', '0001-01-01', '0001-01-01T00:00:00Z', '9999-12-31', '9999-12-31T23:59:59Z', '10000-01-01', '-271821-04-20',
  '+275760-09-13T00:00:00Z', '2026-02-30', '2026-01-01T00:00:00+14:00', '2026-01-01T00:00:00', '2026-01-01', '2025-01-01T00:00:00Z',
  'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Factory', 'posix/CET', 'Mars/Phobos', 'localtime', 'EST5EDT',
  'hour', 'day', 'week', 'month', 'tag', 'country_code', 'chats,end_users,p90_response_time', 'csv', 'json', 'ndjson', 'all',
  'admin', 'user', 'viewer', 'superadmin', 'NL', 'nl', 'leave,pay', '-created_at', 'eyJ4IjoxfQ', 'WyIyMDI2LTAxLTAxIiwxXQ',
  'WyItMjcxODIxLTA0LTIwVDAwOjAwOjAwWiIsMV0', // a cursor whose date JavaScript holds and PostgreSQL does not
  '../../etc/passwd', "' OR 1=1 --", '<script>', 'a@b', 'user@example.com',
];

export const edgeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 5 }).map(String) },
);

// Dates and zones at the edges of what PostgreSQL and Node both hold, for parameters named like one.
const DATE_EDGES = [
  '0000-01-01', '0001-01-01', '0099-12-31', '0100-01-01', '0100-01-02', '0100-01-01T00:00:00Z', '0100-01-01T00:00:00+05:30', '9999-12-31', '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-05:00', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30', '2026-01-01', '2025-06-01T00:00:00Z',
];
const ZONE_EDGES = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Factory', 'posix/CET', 'localtime', 'Mars/Phobos', 'EST5EDT', 'utc'];
const DATE_NAME = /^(from|to|start|end|created_at|since|until)$/;

/** A value for a parameter or property: dates and zones for names that take one, else any edge. */
export const valueFor = (name: string): fc.Arbitrary<string> =>
  DATE_NAME.test(name)
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DATE_EDGES) }, { weight: 1, arbitrary: edgeString })
    : name === 'tz'
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ZONE_EDGES) }, { weight: 1, arbitrary: edgeString })
      : edgeString;

/** Any JSON value, edges included, and nesting far past what any body takes. */
const deep = (n: number) => JSON.parse('['.repeat(n) + '1' + ']'.repeat(n));
export const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: edgeString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, null, true, [], {}) },
  { weight: 1, arbitrary: fc.constantFrom(50, 2000).map(deep) },
);

/** An object with the schema's property names (some), each with any value; nested objects likewise. */
function shaped(schema: any, depth = 0): fc.Arbitrary<unknown> {
  const props = schema?.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0 || depth > 2) return anyJsonValue;
  const value = (name: string) =>
    props[name]?.properties ? fc.oneof(shaped(props[name], depth + 1), anyJsonValue) : fc.oneof(valueFor(name), anyJsonValue);
  return fc.record(Object.fromEntries(names.map((n) => [n, value(n)])), { requiredKeys: [] });
}

/** A body for the operation: shaped after its schema, any JSON, broken JSON or none. */
export function bodyFor(op: Operation): fc.Arbitrary<string | undefined> {
  if (!op.body) return fc.oneof(fc.constant(undefined), anyJsonValue.map((v) => JSON.stringify(v)));
  return fc.oneof(
    { weight: 5, arbitrary: shaped(op.body).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: anyJsonValue.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":}', '[1,]', 'null', '"x"', '{"__proto__":{"x":1}}') },
  );
}

/** A query string of the operation's parameters (and an unknown one now and then), percent-encoded. */
export function queryFor(op: Operation): fc.Arbitrary<string> {
  const name = op.queryParams.length
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...op.queryParams) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) })
    : fc.string({ maxLength: 8 });
  // Few parameters at a time: one wrong value is enough for a 400, and a request that gets past
  // validation is what reaches the database.
  const pair = name.chain((n) => valueFor(n).map((v) => [n, v] as [string, string]));
  return fc.array(pair, { maxLength: 3 }).map((pairs) => new URLSearchParams(pairs).toString());
}

/** A value for a path parameter: one of the fixtures' real values, or anything. */
export const pathValue = (real: string[]) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real) }, { weight: 3, arbitrary: edgeString }).map(percentEncode);

/** Every byte of the UTF-8 form percent-encoded where needed (a lone surrogate becomes U+FFFD). */
const percentEncode = (v: string) =>
  [...Buffer.from(v, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
