import type { OptionValues } from './commands.js';
import { withDatabase } from './database.js';
import { out, printJson } from './output.js';

/** chatlogger migrate: opening the database applies what is missing; this reports it. */
export async function migrate(values: OptionValues): Promise<void> {
  const { applied, total } = await withDatabase(async ({ opened }) => opened.migrations);
  if (values.json) return printJson({ applied, total });
  if (applied.length === 0) {
    out(`The database is up to date: all ${total} migrations were already applied.`);
  } else {
    out(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
    for (const tag of applied) out(`  ${tag}`);
    out(`The database is up to date (${total} migrations).`);
  }
}
