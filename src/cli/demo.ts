// demo: creates, or refreshes, the organization "Demo HR Assistant" with an admin login and a few
// thousand realistic chats of an HR help-desk bot over the last 90 days, so that the dashboard has
// something to show. Refreshing replaces the organization's chats (dates are relative to now again)
// and gives the admin a new password; other organizations are never touched.
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { findUserByEmail, setPasswordHash } from '../auth/repository.js';
import { register } from '../auth/service.js';
import type { Config } from '../config.js';
import { organizations, users } from '../db/schema.js';
import { DEFAULT_SEED, generateDemo } from '../demo/generator.js';
import type { AppDeps } from '../http/context.js';
import { CliError, UsageError } from './args.js';
import type { OptionValues } from './commands.js';
import { withDatabase } from './database.js';
import { replaceChats } from './demo-store.js';
import { out, printJson } from './output.js';
import { generatePassword } from './passwords.js';

export const DEMO_ORGANIZATION = { name: 'Demo HR Assistant', slug: 'demo-hr-assistant' };
export const DEMO_EMAIL = 'demo@chatlogger.local';
export const DEFAULT_DEMO_CHATS = 5000;
export const MAX_DEMO_CHATS = 1_000_000;

function wholeNumber(option: string, value: string | boolean | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max.toLocaleString('en')} (got "${value}")`, 'demo');
  }
  return n;
}

/** The address to open: the server's HOST and PORT, with "localhost" for an address that listens everywhere. */
export function dashboardUrl(config: Pick<Config, 'host' | 'port'>): string {
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}/`;
}

interface DemoAccount {
  organization: { id: number; name: string; slug: string };
  /** The demo admin, when the organization existed already (a new one's admin has the password). */
  existingAdmin?: { id: number; role: string };
}

/**
 * The demo organization: created with its admin (signing in with `password`) when there is none,
 * else the existing one. An organization that holds the slug but is not the demo's (no demo admin
 * in it) is refused, so that no one's chats are ever deleted by mistake.
 */
async function demoAccount(deps: AppDeps, password: string): Promise<DemoAccount> {
  const [organization] = await deps.db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.slug, DEMO_ORGANIZATION.slug));
  const user = await findUserByEmail(deps.db, DEMO_EMAIL);
  if (!organization) {
    if (user) throw new CliError(`The e-mail ${DEMO_EMAIL} belongs to a user of another organization; the demo organization needs it for its admin`);
    const account = await register(deps, { email: DEMO_EMAIL, password, first_name: 'Demo', last_name: 'Admin', organization_name: DEMO_ORGANIZATION.name, organization_slug: DEMO_ORGANIZATION.slug });
    if (account.outcome === 'existing') throw new CliError(`The e-mail ${DEMO_EMAIL} belongs to a user of another organization; the demo organization needs it for its admin`);
    return { organization: account.organization };
  }
  if (!user || user.organizationId !== organization.id) {
    throw new CliError(
      `An organization with the slug ${DEMO_ORGANIZATION.slug} exists but it is not the demo's (its admin ${DEMO_EMAIL} is missing); it is left alone`,
    );
  }
  return { organization, existingAdmin: { id: user.id, role: user.role } };
}

/** The existing demo admin signs in with `password` from now on, as an admin. */
async function resetAdmin(deps: AppDeps, organizationId: number, admin: { id: number; role: string }, password: string): Promise<void> {
  await setPasswordHash(deps.db, organizationId, admin.id, await hashPassword(password));
  if (admin.role !== 'admin') {
    await deps.db.update(users).set({ role: 'admin' }).where(and(eq(users.organizationId, organizationId), eq(users.id, admin.id)));
  }
}

export async function demo(values: OptionValues): Promise<void> {
  const chats = wholeNumber('--chats', values.chats, DEFAULT_DEMO_CHATS, 1, MAX_DEMO_CHATS);
  const seed = wholeNumber('--seed', values.seed, DEFAULT_SEED, 0, 2 ** 32 - 1);
  const password = generatePassword();
  const progress = !values.json && process.stderr.isTTY && chats >= 20_000;

  const result = await withDatabase(async ({ config, deps }) => {
    const started = Date.now();
    const account = await demoAccount(deps, password);
    const data = generateDemo({ chats, seed });
    // Ctrl-C (or SIGTERM) rolls the chats back; withDatabase then closes the database and exits.
    const interrupted = new AbortController();
    const abort = () => interrupted.abort(new CliError('interrupted: the demo chats were left as they were'));
    process.on('SIGINT', abort);
    process.on('SIGTERM', abort);
    const written = await replaceChats(deps.pool, account.organization.id, data.chats, {
      signal: interrupted.signal,
      onProgress: (n) => {
        if (progress) process.stderr.write(`\r  ${n.toLocaleString('en')} of ${chats.toLocaleString('en')} chats`);
      },
    }).finally(() => {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    });
    if (progress) process.stderr.write('\n');
    // Only once the chats are written: a run that fails leaves the previous password working.
    if (account.existingAdmin) await resetAdmin(deps, account.organization.id, account.existingAdmin, password);
    return { ...account, created: !account.existingAdmin, ...written, data, url: dashboardUrl(config), seconds: (Date.now() - started) / 1000 };
  });

  const { organization, created, data, url } = result;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (values.json) {
    return printJson({
      organization,
      created,
      login: { email: DEMO_EMAIL, password, role: 'admin' },
      url,
      chats: result.chats,
      messages: result.messages,
      deleted_chats: result.deletedChats,
      employees: data.employees,
      from: data.from.toISOString(),
      to: data.to.toISOString(),
      seed,
      seconds: result.seconds,
    });
  }
  const n = (x: number) => x.toLocaleString('en');
  out(
    created
      ? `Created the demo organization "${organization.name}" (slug ${organization.slug}, id ${organization.id}).`
      : `Refreshed the demo organization "${organization.name}" (slug ${organization.slug}, id ${organization.id}): its ${n(result.deletedChats)} previous chats were replaced.`,
  );
  out();
  out(`  chats:     ${n(result.chats)} with ${n(result.messages)} messages, ${day(data.from)} to ${day(data.to)} (${n(data.employees)} employees), in ${result.seconds.toFixed(1)} s`);
  out(`  open:      ${url}`);
  out(`  e-mail:    ${DEMO_EMAIL}`);
  out(`  password:  ${password}`);
  out();
  out(`Start the server with npm start, open ${url} and sign in with this e-mail and password.`);
  out('Running the demo command again refreshes the chats and sets a new password (printed then).');
}
