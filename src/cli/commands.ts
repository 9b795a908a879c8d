// What the tool knows before it loads any command: names, help, options. A command's code (and the
// database, argon2, the services it pulls in) is imported only when it runs, so --help and usage
// errors answer at once.
import type { OptionSpec } from './args.js';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  /** One line for the tool's --help. */
  summary: string;
  /** The command's --help. */
  help: string;
  options: OptionSpec;
  /** String options that must be given (a usage error otherwise). */
  required: string[];
  load: () => Promise<(values: OptionValues) => Promise<void>>;
}

export const API_KEY_LABEL = 'created by chatlogger create-org';

export const DATABASE_HELP = `Database: the same configuration as the server, from the environment: DATA_DIR (the embedded
database, default ./data) or DATABASE_URL with JWT_SECRET (PostgreSQL). With the embedded
database the server must be stopped first: the command refuses to run while a server (or another
command) holds DATA_DIR. With DATABASE_URL it runs alongside running servers.`;

// The demo generator's default seed (src/demo/generator.ts), written here so that --help loads no generator.
const DEFAULT_SEED_TEXT = '20261125';

export const EXIT_HELP = 'Exit status: 0 done, 1 failed (the reason is printed), 2 usage error.';

export const COMMANDS: Command[] = [
  {
    name: 'migrate',
    summary: 'Apply the database migrations (safe to repeat)',
    help: `Usage: chatlogger migrate [--json]

Applies the migrations this version of ChatLogger has not yet applied to the configured database,
then exits. Running it again does nothing. The server also migrates when it starts; run this to
upgrade the database ahead of a deployment, or to check it.

Options:
  --json       print {"applied": [...], "total": N} instead of text
  -h, --help   show this help

${DATABASE_HELP}`,
    options: { json: { type: 'boolean' } },
    required: [],
    load: async () => (await import('./migrate.js')).migrate,
  },
  {
    name: 'create-org',
    summary: 'Create an organization, its admin user and a first API key',
    help: `Usage: chatlogger create-org --name NAME --admin-email EMAIL [--slug SLUG] [--json]

Creates an organization and its first user, an admin, with the same rules as registering through
POST /auth/register, and also when registration is off (ALLOW_REGISTRATION=false). Prints the
admin's generated password and a first API key for the organization's bot (labelled
"${API_KEY_LABEL}"). Both are shown only this once. Give the password to the admin, who
should change it after signing in.

Options:
  --name NAME           the organization's name (1-200 characters)
  --admin-email EMAIL   the admin's e-mail address (unique across the installation)
  --slug SLUG           the organization in URLs (/api/v1/orgs/SLUG/...): lowercase letters,
                        digits and single hyphens, at most 50; derived from --name when omitted
  --json                print the result as JSON (for scripts)
  -h, --help            show this help

${DATABASE_HELP}

Example:
  chatlogger create-org --name "Acme HR" --admin-email ann@example.com`,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
      json: { type: 'boolean' },
    },
    required: ['name', 'admin-email'],
    load: async () => (await import('./create-org.js')).createOrg,
  },
  {
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
    required: ['email'],
    load: async () => (await import('./reset-password.js')).resetPassword,
  },
  {
    name: 'demo',
    summary: 'Create or refresh the "Demo HR Assistant" organization with realistic chats',
    help: `Usage: chatlogger demo [--chats N] [--seed N] [--json]

Creates the organization "Demo HR Assistant" (slug demo-hr-assistant) with an admin who signs in as
demo@chatlogger.local, and fills it with the chats of an HR help-desk bot over the last 90 days,
ending now: transcripts in English, Dutch, German, French, Spanish and Portuguese from employees
in eight countries, question categories (leave, payroll, benefits, onboarding, offboarding,
expenses, it-access, policy), sentiment, ratings, escalations and hand-overs to HR, response times
and tokens. Prints the admin's password (new on every run) and the address to open.

When the organization exists, its chats are replaced by new ones (dates relative to now again)
in one transaction, and the admin gets a new password. Other organizations are never touched; an
organization with that slug but without the demo admin is refused.

Options:
  --chats N    how many chats, 1 to 1,000,000 (default 5000: a few seconds)
  --seed N     the generator's seed (default ${DEFAULT_SEED_TEXT}): the same seed gives the same
               chats, relative to the time of the run
  --json       print the result as JSON (for scripts)
  -h, --help   show this help

${DATABASE_HELP}

Then: npm start, open the address printed, and sign in with the e-mail and password printed.`,
    options: { chats: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
    required: [],
    load: async () => (await import('./demo.js')).demo,
  },
  {
    name: 'verify-receipt',
    summary: "Check an erasure receipt's signature",
    help: `Usage: chatlogger verify-receipt --file FILE [--user-id ID | --session-id ID] [--json]

Checks that an erasure receipt (the answer of POST or GET /api/v1/erasure-requests, saved as JSON)
was signed by this installation and not changed since. With --user-id or --session-id, also checks
that it is the receipt of that end user (the receipt itself holds only an HMAC of the id).
Needs the server's secret: JWT_SECRET, or DATA_DIR's jwt-secret file (embedded database); it does
not open the database, so it also runs while the server does.

Options:
  --file FILE        the receipt (- for standard input)
  --user-id ID       the end user the receipt should be for
  --session-id ID    or the session
  --json             print {"valid": ..., "subject_matches": ..., "receipt": ...}
  -h, --help         show this help

Exit status 1 when the signature (or the subject) does not match.`,
    options: { file: { type: 'string' }, 'user-id': { type: 'string' }, 'session-id': { type: 'string' }, json: { type: 'boolean' } },
    required: ['file'],
    load: async () => (await import('./privacy.js')).verifyReceipt,
  },
  {
    name: 'audit verify',
    summary: "Check the audit log's hash chain of every organization",
    help: `Usage: chatlogger audit verify [--org SLUG] [--json]

Recomputes each organization's audit log chain: every entry's hash from its fields and the hash
of the entry before it, seq numbers without gaps from where retention cut the log, and the last
entry against the chain head. Prints ok, or the first entry that was changed or removed.

Options:
  --org SLUG   only this organization
  --json       print the reports as JSON
  -h, --help   show this help

${DATABASE_HELP}

Exit status 1 when a chain fails its check.`,
    options: { org: { type: 'string' }, json: { type: 'boolean' } },
    required: [],
    load: async () => (await import('./privacy.js')).auditVerify,
  },
];
