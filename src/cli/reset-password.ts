// reset-password: a user who lost their password gets a new generated one from the operator, and
// every session they had is revoked (whoever held one is signed out at their next request).
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { findUserByEmail, revokeUserSessions, setPasswordHash } from '../auth/repository.js';
import { organizations } from '../db/schema.js';
import { CliError } from './args.js';
import type { OptionValues } from './commands.js';
import { withDatabase } from './database.js';
import { out, printJson } from './output.js';
import { generatePassword } from './passwords.js';

export async function resetPassword(values: OptionValues): Promise<void> {
  const email = (values.email as string).trim();
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
}
