// The request log holds no personal data: no body, no credential, no client address, and no value
// of a query parameter that may name a person or hold what they typed (q, user_id, session_id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedUrl, loggerOptions } from '../src/http/logging.js';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let org: SignedUp;
const lines: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ logger: loggerOptions('info', { write: (line) => void lines.push(line) }) });
  org = await signUp(t.app);
});
afterAll(() => t?.close());

describe('request log', () => {
  it('keeps the path and the harmless query values, and redacts the rest', () => {
    expect(loggedUrl('/api/v1/chats')).toBe('/api/v1/chats');
    expect(loggedUrl('/api/v1/chats?limit=20&q=my+sick+leave&user_id=4711&session_id=s-1&tz=Europe%2FBerlin')).toBe(
      '/api/v1/chats?limit=20&q=%5Bredacted%5D&user_id=%5Bredacted%5D&session_id=%5Bredacted%5D&tz=Europe%2FBerlin',
    );
    // A parameter the log does not know is redacted too.
    expect(loggedUrl('/x?invite_token=abc')).toBe('/x?invite_token=%5Bredacted%5D');
  });

  it('a real request logs neither the search text, the end user, the body, the key nor the address', async () => {
    const { key } = await createApiKey(t.app, org.token);
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(key),
      payload: { title: 'Question about my divorce', user_id: 982451653, metadata: { session_id: 'sess-8f3e' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const search = await t.app.inject({ url: '/api/v1/chats?q=divorce&user_id=982451653&session_id=sess-8f3e&limit=5', headers: bearer(org.token) });
    expect(search.statusCode, search.body).toBe(200);
    const log = lines.join('');
    expect(log).toContain('/api/v1/chats?q=%5Bredacted%5D&user_id=%5Bredacted%5D&session_id=%5Bredacted%5D&limit=5');
    for (const secret of ['divorce', '982451653', 'sess-8f3e', key, org.token, '127.0.0.1']) expect(log).not.toContain(secret);
  });
});
