// OpenAPI document → the API types of the TypeScript SDK and of the dashboard (web/), shared by
// scripts/sdk-types.ts and test/sdk-types.test.ts. Both files are the same translation of the same
// document: a route schema change regenerates both, and the dashboard's type check (tsc -p web)
// then fails where the dashboard reads what the server no longer answers.
// Also the chat field registry (src/fields/chat-fields.ts) → web/src/api/generated/fields.ts: the fields as
// plain data for the dashboard, which must not import server code (the registry imports typebox).
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { CHAT_FIELDS, type ChatFieldSpec, type SqlType } from '../src/fields/chat-fields.js';

export const SDK_TYPES_FILE = path.resolve(import.meta.dirname, '../packages/sdk-ts/src/generated/openapi.ts');
export const WEB_TYPES_FILE = path.resolve(import.meta.dirname, '../web/src/api/generated/openapi.ts');
export const WEB_FIELDS_FILE = path.resolve(import.meta.dirname, '../web/src/api/generated/fields.ts');

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

const KIND_OF_SQL: Record<SqlType, 'text' | 'number' | 'boolean'> = { text: 'text', float8: 'number', int8: 'number', int2: 'number', bool: 'boolean' };

/** "Forwarded to HR" → "forwarded to HR", "Category" → "category": an export's filter line. */
const lowerFirstWord = (label: string) => label.replace(/^\S+/, (word) => (word === word.toUpperCase() ? word : word.toLowerCase()));

const FIELDS_HEADER = `// GENERATED from the chat field registry (src/fields/chat-fields.ts) by \`npm run sdk:types\`.
// Do not edit: change the registry and regenerate; CI fails when this file is stale.
// The fields in the dashboard's order (the registry's dashboard.order, then the registry's order).

export interface ChatFieldView {
  name: string;
  /** The dashboard's name of the field (filter chips, chart labels). */
  label: string;
  /** What its value is: the column's SQL type as the dashboard shows it. */
  kind: 'text' | 'number' | 'boolean';
  /** How it is filtered (GET /api/v1/chats), or null when it is not. */
  filter: 'list' | 'boolean' | 'exact' | 'rating' | null;
  /** An analytics dimension (breakdowns). */
  rollup: boolean;
  /** The title of its overview breakdown card, or null for no card. */
  overview: string | null;
  filterLabel: string;
  placeholder: string | null;
  /** On the chat page: its label, and whether the list of fields shows it. */
  detailLabel: string;
  inDetail: boolean;
  /** Its name in an export's filter line. */
  exportLabel: string;
}

export const CHAT_FIELDS = [
`;

/** The dashboard's view of the fields (each entry a ChatFieldView of the generated file), in its order. */
export function webFieldViews(fields: Record<string, ChatFieldSpec> = CHAT_FIELDS) {
  const order = (spec: ChatFieldSpec) => spec.dashboard?.order ?? Number.POSITIVE_INFINITY;
  // A stable sort: fields without an order keep the registry's.
  const sorted = Object.entries(fields)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => order(a.entry[1]) - order(b.entry[1]) || a.index - b.index);
  return sorted.map(({ entry: [name, spec] }) => ({
    name,
    label: spec.label,
    kind: KIND_OF_SQL[spec.sql],
    filter: spec.filter?.kind ?? null,
    rollup: spec.rollup === true,
    overview: spec.overview ?? null,
    filterLabel: spec.dashboard?.filterLabel ?? spec.label,
    placeholder: spec.dashboard?.placeholder ?? null,
    detailLabel: spec.dashboard?.detailLabel ?? spec.label,
    inDetail: spec.dashboard?.hideInDetail !== true,
    exportLabel: lowerFirstWord(spec.label),
  }));
}

/** web/src/api/generated/fields.ts and its text. */
export function generateWebFields(): { file: string; text: string } {
  const lines = webFieldViews().map((view) => `  ${JSON.stringify(view)},\n`);
  return { file: WEB_FIELDS_FILE, text: `${FIELDS_HEADER}${lines.join('')}] as const satisfies readonly ChatFieldView[];\n` };
}
