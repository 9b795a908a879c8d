// Renders the rollup SQL from the field registry (src/db/rollup-sql) and compares it with the
// checked-in src/db/rollup-sql/rollups.sql, what runs today. `npm run db:rollups:check` exits 1
// when they differ; `npm run db:rollups` then writes a migration into drizzle/ that installs the
// render (backfilling a newly rolled-up field) and rewrites rollups.sql. Adding a rolled-up field:
// first `npx drizzle-kit generate` (the new column on chats and chat_rollup_pending), then this.
// A field no longer rolled up is refused (exit 1): not supported yet.
import path from 'node:path';
import { readIfExists, ROLLUPS_FILE, writeRollupMigration } from '../src/db/rollup-sql/files.js';
import { render } from '../src/db/rollup-sql/render.js';

const rendered = render();
const name = path.relative(process.cwd(), ROLLUPS_FILE);
if (readIfExists(ROLLUPS_FILE) === rendered.text) console.log(`${name} is up to date with the field registry`);
else if (process.argv.includes('--check')) {
  console.error(`${name} is not what the field registry renders: run npm run db:rollups and commit the migration it writes`);
  process.exitCode = 1;
} else {
  try {
    const tag = writeRollupMigration(rendered);
    console.log(`wrote drizzle/${tag}.sql (registered in drizzle/meta/_journal.json) and ${name}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
