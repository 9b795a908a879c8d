import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system endpoints', () => {
  it('GET /health is ok while the database answers', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /version names the version and the database in use, and nothing else', async () => {
    const res = await t.app.inject({ url: '/version' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'chatlogger', version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: backend });
  });

  it('the OpenAPI document gives /version its own response shape, not the shape of /health', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    const schema = doc.paths['/version'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['database', 'name', 'version']);
    expect(schema.required.sort()).toEqual(['database', 'name', 'version']);
    expect(schema.properties.database.anyOf.map((s: { const?: string; enum?: string[] }) => s.const ?? s.enum?.[0]).sort()).toEqual(['pglite', 'postgres']);
    for (const field of ['name', 'version', 'database']) expect(schema.properties[field].description).toBeTruthy();
    const health = doc.paths['/health'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(health.properties)).toEqual(['status']);
  });

  // Other GET paths are the dashboard's client-side pages (test/dashboard-serving.test.ts).
  it('unknown API routes get a JSON 404 in the error model', async () => {
    const res = await t.app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Route GET /api/v1/nope not found', code: 'not_found' });
  });

  it('every response carries a request id', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('GET /docs serves the interactive documentation', async () => {
    const res = await t.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('GET /openapi.json', () => {
  it('documents both Create Chat routes, both security schemes and the metadata schema', async () => {
    const res = await t.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['ApiKeyAuth', 'BearerAuth']);
    for (const path of ['/api/v1/chats', '/api/v1/orgs/{slug}/chats']) {
      const op = doc.paths[path].post;
      expect(op.security).toEqual([{ ApiKeyAuth: [] }, { BearerAuth: [] }]);
      const schema = op.requestBody.content['application/json'].schema;
      expect(Object.keys(schema.properties).sort()).toEqual(['created_at', 'metadata', 'tags', 'title', 'user_id']);
      // The twelve fields of the Create Chat contract, and bot_version.
      expect(Object.keys(schema.properties.metadata.properties)).toEqual([
        'avg_response_time', 'bot_version', 'country_code', 'ip_address', 'is_escalated', 'is_forwarded_to_hr', 'language_code',
        'question_category', 'sentiment', 'session_id', 'token_count', 'transcript_link', 'user_rating',
      ]);
      expect(schema.properties.metadata.additionalProperties).toBe(false);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '500']));
    }
    for (const path of ['/auth/register', '/auth/login', '/auth/logout', '/api/v1/orgs/me/apikeys', '/api/v1/orgs/me/apikeys/{id}', '/api/v1/chats/{id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('leaks no internal schema markers', async () => {
    const text = (await t.app.inject({ url: '/openapi.json' })).body;
    expect(text).not.toContain('~kind');
  });
});
