// The API types of the TypeScript SDK and of the dashboard (web/) are generated from the server's
// OpenAPI document with no hand edits: regenerating them from the app as it is now must give the
// committed files byte for byte (a route schema changed without `npm run sdk:types` fails here, in
// CI; and once regenerated, the dashboard's type check fails where it reads what changed).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiTypes, generateSdkTypes, generateWebFields, SDK_TYPES_FILE, WEB_FIELDS_FILE, WEB_TYPES_FILE } from '../scripts/sdk-types-generate.js';
import { createTestApp, type TestContext } from './helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('SDK types generated from /openapi.json', () => {
  it('are what the current OpenAPI document generates (run npm run sdk:types after changing a route schema)', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const generated = await generateSdkTypes(spec);
    expect(generated.split('\n').length).toBeGreaterThan(1000);
    expect(fs.readFileSync(SDK_TYPES_FILE, 'utf8') === generated, `${SDK_TYPES_FILE} is stale: run npm run sdk:types`).toBe(true);
  });

  it("the dashboard's copy too (web/src/api/generated/openapi.ts)", async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const web = (await generateApiTypes(spec)).find((g) => g.file === WEB_TYPES_FILE)!;
    expect(fs.readFileSync(WEB_TYPES_FILE, 'utf8') === web.text, `${WEB_TYPES_FILE} is stale: run npm run web:types`).toBe(true);
  });

  it("the dashboard's chat fields too (web/src/api/generated/fields.ts, from src/fields/chat-fields.ts)", () => {
    const fields = generateWebFields();
    expect(fields.file).toBe(WEB_FIELDS_FILE);
    expect(fs.readFileSync(WEB_FIELDS_FILE, 'utf8') === fields.text, `${WEB_FIELDS_FILE} is stale: run npm run sdk:types`).toBe(true);
  });

  it('describe the SDK endpoints with their bodies and answers, not as unknown', () => {
    const source = fs.readFileSync(SDK_TYPES_FILE, 'utf8');
    for (const route of ['"/api/v1/chats"', '"/api/v1/chats/batch"', '"/api/v1/chats/{id}"', '"/api/v1/chats/{id}/messages"']) {
      expect(source).toContain(`${route}: {`);
    }
    expect(source).toMatch(/"idempotency-key"\?: string/);
  });
});
