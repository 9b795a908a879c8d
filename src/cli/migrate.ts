import { parseOptions } from './args.js';
import type { Command } from './command.js';
import { withDatabase } from './database.js';
import { out, printJson } from './output.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply the database migrations (safe to repeat)',
  help: `Usage: chatlogger migrate [--json]

Applies the migrations this version of ChatLogger has not yet applied to the configured database,
then exits. Running it again does nothing. The server also migrates when it starts; run this to
upgrade the database ahead of a deployment, or to check it.

Options:
  --json       print {"applied": [...], "total": N} instead of text
  -h, --help   show this help`,
  options: { json: { type: 'boolean' } },

  async run(args) {
    const values = parseOptions('migrate', args, this.options);
    const { applied, total } = await withDatabase(async ({ opened }) => opened.migrations);
    if (values.json) return printJson({ applied, total });
    if (applied.length === 0) {
      out(`The database is up to date: all ${total} migrations were already applied.`);
    } else {
      out(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
      for (const tag of applied) out(`  ${tag}`);
      out(`The database is up to date (${total} migrations).`);
    }
  },
};
