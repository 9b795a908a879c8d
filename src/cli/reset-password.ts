// reset-password: a user who lost their password gets a new generated one from the operator, and
// every session they had is revoked (whoever held one is signed out at their next request).
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { findUserByEmail, revokeUserSessions, setPasswordHash } from '../auth/repository.js';
import { organizations } from '../db/schema.js';
import { CliError, parseOptions, required } from './args.js';
import type { Command } from './command.js';
import { withDatabase } from './database.js';
import { DATABASE_HELP } from './help.js';
import { out, printJson } from './output.js';
import { generatePassword } from './passwords.js';

export const resetPasswordCommand: Command = {
  name: 'reset-password',
  summary: "Give a user a new generated password and revoke all of that user's sessions",
  help: `Usage: chatlogger reset-password --email EMAIL [--json]

Sets a new generated password for the user with this e-mail address, prints it (only this once),
and revokes all of the user's sessions: every token issued before stops working at once.

Options:
  --email EMAIL   the user's e-mail address (any case)
  --json          print the result as JSON (for scripts)
  -h, --help      show this help

${DATABASE_HELP}`,
  options: { email: { type: 'string' }, json: { type: 'boolean' } },

  async run(args) {
    const values = parseOptions('reset-password', args, this.options);
    const email = required('reset-password', values, 'email').trim();
    if (!email) throw new CliError('--email must not be empty');
    const password = generatePassword();
    const passwordHash = await hashPassword(password);

    const { user, slug } = await withDatabase(async ({ deps }) => {
      const user = await findUserByEmail(deps.db, email);
      if (!user) throw new CliError(`No user has the e-mail ${email.toLowerCase()}`);
      // The new password and the revocation of the old sessions happen together or not at all.
      await deps.db.transaction(async (tx) => {
        await setPasswordHash(tx, user.organizationId, user.id, passwordHash);
        await revokeUserSessions(tx, user.organizationId, user.id);
      });
      const [org] = await deps.db
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(eq(organizations.id, user.organizationId));
      return { user, slug: org.slug };
    });

    if (values.json) {
      return printJson({
        user: { id: user.id, email: user.email, role: user.role, organization: { id: user.organizationId, slug } },
        password,
        sessions_revoked: true,
      });
    }
    out(`New password for ${user.email} (${user.role} of ${slug}):`);
    out();
    out(`  ${password}`);
    out();
    out("It is shown only this once. All of the user's sessions were revoked: they sign in again");
    out('with this password (and should change it).');
  },
};
