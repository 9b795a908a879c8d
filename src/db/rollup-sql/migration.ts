// The migration that installs a new render of the rollup SQL over the one in rollups.sql: drops the
// functions whose signature names the composite type, drops and re-creates the type, creates the
// five functions (CREATE OR REPLACE for the trigger function and the fold: the triggers on chats
// name the trigger function, which keeps its identity), and backfills the fields the render adds.
// A field no longer rolled up, or a changed list of sums, is refused: their rows would need
// deleting or recomputing from the chats rows, which nothing needs yet (say so in a comment, and
// write that migration by hand when it does).
import { backfillStatements } from './backfill.js';
import { COMBO } from './parts.js';
import { render, type RenderedRollups } from './render.js';
import { parseSpecHeader, type RollupSpec } from './spec.js';

export const BREAKPOINT = '--> statement-breakpoint';

export interface RollupChange {
  added: string[];
  removed: string[];
  /** Why the change cannot be migrated by a render, if it cannot. */
  refused?: string;
}

/** What the new spec changes against the one a previous rollups.sql was rendered for (none: no file yet). */
export function compareSpecs(previousText: string | undefined, spec: RollupSpec): RollupChange {
  if (previousText === undefined) return { added: [], removed: [] };
  const before = parseSpecHeader(previousText);
  const names = spec.fields.map((f) => f.name);
  const added = names.filter((n) => !before.fields.some((f) => f.name === n));
  const removed = before.fields.map((f) => f.name).filter((n) => !names.includes(n));
  const retyped = before.fields.filter((f) => spec.fields.some((g) => g.name === f.name && g.sql !== f.sql)).map((f) => f.name);
  const kept = names.filter((n) => !added.includes(n));
  const order = before.fields.map((f) => f.name).filter((n) => kept.includes(n));
  const sums = (xs: readonly { name: string; sql: string }[]) => xs.map((s) => `${s.name} ${s.sql}`).join(', ');
  let refused: string | undefined;
  if (removed.length) refused = `no longer rolled up: ${removed.join(', ')} (their rollup rows would need deleting: not supported, write that migration by hand)`;
  else if (retyped.length) refused = `a rolled-up field changed its type: ${retyped.join(', ')} (not supported)`;
  else if (order.join() !== kept.join()) refused = 'the rolled-up fields changed their relative order: stored pair rows depend on it';
  else if (sums(before.sums) !== sums(spec.sums)) refused = 'the sums changed: their rollup columns would need recomputing from the chats rows (not supported yet)';
  return { added, removed, refused };
}

/** The migration's statements (joined by BREAKPOINT), or an error when the change is refused. */
export function renderMigration(previousText: string | undefined, rendered: RenderedRollups = render()): string {
  const change = compareSpecs(previousText, rendered.spec);
  if (change.refused) throw new Error(`rollup SQL: ${change.refused}`);
  const drops = rendered.functions.filter((f) => f.usesType).map((f) => `DROP FUNCTION ${f.name}(${f.argTypes});`);
  const added = change.added.length
    ? ` It rolls up ${change.added.join(', ')} from now on and backfills their rows (new columns, so NULL in every chat so far).`
    : '';
  const statements = [
    `-- Rendered by \`npm run db:rollups\` (src/db/rollup-sql): installs the rollup SQL of src/db/rollup-sql/rollups.sql.${added}
-- No fold runs meanwhile (its advisory lock, held to the end of the migrations' transaction).
SELECT pg_advisory_xact_lock(hashtext('chat_rollups_fold'));`,
    ...change.added.map(
      (f) => `-- ${f} must be a column of chats and chat_rollup_pending already (npx drizzle-kit generate, an earlier migration).
DO $$ BEGIN
  IF (SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()
      AND table_name IN ('chats', 'chat_rollup_pending') AND column_name = '${f}') <> 2 THEN
    RAISE EXCEPTION 'rolling up ${f}: chats and chat_rollup_pending need its column first (npx drizzle-kit generate)';
  END IF;
END $$;`,
    ),
    // One statement per breakpoint: PGlite runs each as one prepared statement.
    ...drops.map((d, i) => (i === 0 ? `-- The functions whose signature names the type go with it; the trigger function and the fold are replaced.\n${d}` : d)),
    `DROP TYPE ${COMBO};`,
    ...rendered.statements,
    ...backfillStatements(rendered.spec, change.added),
  ];
  return `${statements.join(`${BREAKPOINT}\n`)}\n`;
}
