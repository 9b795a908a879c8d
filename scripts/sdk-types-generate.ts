// OpenAPI document → the TypeScript SDK's types, shared by scripts/sdk-types.ts and its test.
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const SDK_TYPES_FILE = path.resolve(import.meta.dirname, '../packages/sdk-ts/src/generated/openapi.ts');

const HEADER =
  '// GENERATED from the server\'s OpenAPI document by `npm run sdk:types` (openapi-typescript).\n' +
  '// Do not edit: change the route schemas in src/ and regenerate; CI fails when this file is stale.\n\n';

export async function generateSdkTypes(spec: unknown): Promise<string> {
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
