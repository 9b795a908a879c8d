// Regenerates the API types of the TypeScript SDK (packages/sdk-ts/src/generated/openapi.ts) and of
// the dashboard (web/src/api/generated/openapi.ts) from the server's own OpenAPI document, with
// openapi-typescript: `npm run sdk:types` (or `npm run web:types`) writes them,
// `npm run sdk:types:check` fails when a committed file differs (test/sdk-types.test.ts does the
// same in the test suite). The generated files are never edited by hand.
// It also writes (or checks) the dashboard's view of the chat field registry,
// web/src/api/generated/fields.ts (generateWebFields).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { runMigrations } from '../src/db/migrate.js';
import { connectPglite } from '../src/db/pglite-connection.js';
import { createPglite } from '../src/db/pglite.js';
import { generateApiTypes, generateWebFields } from './sdk-types-generate.js';

async function currentSpec(): Promise<unknown> {
  const database = connectPglite(createPglite(), true);
  await runMigrations(database.pool);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-sdk-types-'));
  const app = await buildApp({ database, dataDir, jwtSecret: 'x'.repeat(64) });
  try {
    await app.ready();
    return (await app.inject({ url: '/openapi.json' })).json();
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const check = process.argv.includes('--check');
for (const { file, text } of [...(await generateApiTypes(await currentSpec())), generateWebFields()]) {
  const name = path.relative(process.cwd(), file);
  if (check) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== text) {
      console.error(`${name} is not what the server generates: run npm run sdk:types and commit the result`);
      process.exitCode = 1;
    } else console.log(`${name} is up to date with the server`);
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
