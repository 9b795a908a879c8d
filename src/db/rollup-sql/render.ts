// Renders, from the field registry and the sums, the complete SQL that maintains the analytics
// rollups: the composite type chat_rollup_combo and the five functions (see ./apply.ts,
// ./pending.ts). rollups.sql holds the render of the registry as checked in: what runs today.
// `npm run db:rollups` (scripts/rollup-sql.ts) writes a migration when the render changes.
import { fieldApply, pairApply } from './apply.js';
import { COMBO, createFunctionSql, type RenderedFunction } from './parts.js';
import { rollupChanges, rollupsFold, rollupsTrigger } from './pending.js';
import { registrySpec, specHeader, TYPE_NAME, type RollupSpec } from './spec.js';

export { registrySpec, type RollupSpec } from './spec.js';

export interface RenderedRollups {
  spec: RollupSpec;
  /** The composite type's attributes, named and typed as pg_attribute and format_type show them. */
  typeAttributes: { name: string; type: string }[];
  /** CREATE TYPE chat_rollup_combo. */
  typeSql: string;
  /** In the order they are created (a function's callees need not exist first: PL/pgSQL binds late). */
  functions: RenderedFunction[];
  /** The CREATE statements: the type, then each function. */
  statements: string[];
  /** rollups.sql: a header naming the spec, then the statements. */
  text: string;
}

export function typeAttributes(spec: RollupSpec) {
  return [
    { name: 'organization_id', type: 'bigint' },
    { name: 'bucket', type: 'timestamp with time zone' },
    ...spec.fields.map((f) => ({ name: f.name, type: TYPE_NAME[f.sql] })),
    { name: 'tags', type: 'text[]' },
    ...spec.sums.map((s) => ({ name: s.name, type: TYPE_NAME[s.sql] })),
  ];
}

export function render(spec: RollupSpec = registrySpec()): RenderedRollups {
  const attributes = typeAttributes(spec);
  const typeSql = `-- What every write of chats adds to the rollups, as sums per distinct combination of the rolled-up
-- fields (sign-weighted: an update adds its new rows and takes away its old ones). The trigger and
-- the fold build these and hand them to chat_rollups_apply and chat_pair_rollups_apply, the only
-- places that turn them into rollup rows. Its attributes are chat_rollup_pending's columns.
CREATE TYPE ${COMBO} AS (
${attributes.map((a) => `  ${a.name} ${a.type}`).join(',\n')}
);`;
  const functions = [pairApply(spec), fieldApply(spec), rollupChanges(spec), rollupsTrigger(spec), rollupsFold(spec)];
  const statements = [typeSql, ...functions.map(createFunctionSql)];
  const text = `-- The SQL that maintains the analytics rollups, as it runs today: rendered by src/db/rollup-sql
-- from the rolled-up fields (src/fields/chat-fields.ts) and the sums (src/fields/rollup-sums.ts). Do not edit
-- it: change those, run \`npm run db:rollups\`, which writes a migration that installs the new render
-- (and backfills a newly rolled-up field) and rewrites this file. The lists below are what it was
-- rendered for; the next render compares against them.
${specHeader(spec)}

${statements.join('\n\n')}
`;
  return { spec, typeAttributes: attributes, typeSql, functions, statements, text };
}
