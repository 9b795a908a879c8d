// OpenAPI document → the API types of the TypeScript SDK and of the dashboard (web/), shared by
// scripts/sdk-types.ts and test/sdk-types.test.ts. Both files are the same translation of the same
// document: a route schema change regenerates both, and the dashboard's type check (tsc -p web)
// then fails where the dashboard reads what the server no longer answers.
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const SDK_TYPES_FILE = path.resolve(import.meta.dirname, '../packages/sdk-ts/src/generated/openapi.ts');
export const WEB_TYPES_FILE = path.resolve(import.meta.dirname, '../web/src/api/generated/openapi.ts');

const HEADER =
  '// GENERATED from the server\'s OpenAPI document by `npm run sdk:types` (openapi-typescript).\n' +
  '// Do not edit: change the route schemas in src/ and regenerate; CI fails when this file is stale.\n\n';

export async function generateSdkTypes(spec: unknown): Promise<string> {
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

/** The generated files and their text for `spec`. */
export async function generateApiTypes(spec: unknown): Promise<{ file: string; text: string }[]> {
  const text = await generateSdkTypes(spec);
  return [SDK_TYPES_FILE, WEB_TYPES_FILE].map((file) => ({ file, text }));
}
