// Regenerates the TypeScript SDK's API types (packages/sdk-ts/src/generated/openapi.ts) from the
// server's own OpenAPI document, with openapi-typescript: `npm run sdk:types` writes them,
// `npm run sdk:types:check` fails when the committed file differs (test/sdk-types.test.ts does the
// same in the test suite). The generated file is never edited by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { runMigrations } from '../src/db/migrate.js';
import { connectPglite } from '../src/db/pglite-connection.js';
import { createPglite } from '../src/db/pglite.js';
import { generateSdkTypes, SDK_TYPES_FILE } from './sdk-types-generate.js';

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
const generated = await generateSdkTypes(await currentSpec());
if (check) {
  const committed = fs.existsSync(SDK_TYPES_FILE) ? fs.readFileSync(SDK_TYPES_FILE, 'utf8') : '';
  if (committed !== generated) {
    console.error(`${path.relative(process.cwd(), SDK_TYPES_FILE)} is not what the server's OpenAPI generates: run npm run sdk:types and commit the result`);
    process.exit(1);
  }
  console.log('SDK types are up to date with the OpenAPI document');
} else {
  fs.mkdirSync(path.dirname(SDK_TYPES_FILE), { recursive: true });
  fs.writeFileSync(SDK_TYPES_FILE, generated);
  console.log(`wrote ${path.relative(process.cwd(), SDK_TYPES_FILE)}`);
}
