import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, countChats, createApiKey, createTestApp, fullChat, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let admin: SignedUp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
});
afterAll(() => t.close());

describe('POST /api/v1/chats', () => {
  it('creates a chat with an API key and answers 201 with the contract body', async () => {
    const res = await postChat(t.app, key, fullChat());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ message: 'Chat created successfully', chat_id: expect.any(Number) });
  });

  it('reads back exactly what was sent', async () => {
    const body = fullChat();
    const res = await postChat(t.app, key, body);
    const got = await t.app.inject({ url: `/api/v1/chats/${res.json().chat_id}`, headers: bearer(admin.token) });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      id: res.json().chat_id,
      organization_id: admin.organization.id,
      ...body,
    });
  });

  it('stores nothing for a rejected request', async () => {
    const before = await countChats(t.database, admin.organization.id);
    const res = await postChat(t.app, key, { ...fullChat(), metadata: { ...fullChat().metadata, user_rating: 6 } });
    expect(res.statusCode).toBe(400);
    expect(await countChats(t.database, admin.organization.id)).toBe(before);
  });
});
