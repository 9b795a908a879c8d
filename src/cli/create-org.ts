// create-org: for installations with registration off (ALLOW_REGISTRATION=false), the operator
// creates an organization, its admin (with a generated password) and a first API key for its bot.
// It goes through the same code as POST /auth/register, so the same rules apply.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { Type } from 'typebox';
import { createApiKey } from '../api-keys/service.js';
import { RegisterBody } from '../auth/schemas.js';
import { register } from '../auth/service.js';
import { FORMATS } from '../http/formats.js';
import { HttpError } from '../http/errors.js';
import { describeValidationErrors } from '../http/validation-messages.js';
import { CliError, parseOptions, required } from './args.js';
import type { Command } from './command.js';
import { withDatabase } from './database.js';
import { DATABASE_HELP } from './help.js';
import { out, printJson } from './output.js';
import { generatePassword } from './passwords.js';

export const API_KEY_LABEL = 'created by chatlogger create-org';

// The registration body's own field schemas, under the names of the options that carry them, so
// that a bad value is refused exactly as POST /auth/register refuses it, and named as the option.
const OptionValues = Type.Object({
  '--name': RegisterBody.properties.organization_name,
  '--admin-email': RegisterBody.properties.email,
  '--slug': RegisterBody.properties.organization_slug,
});

function checkValues(values: Record<string, string | undefined>): void {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
  const validate = ajv.compile(OptionValues);
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (!validate(defined)) throw new CliError(describeValidationErrors(validate.errors as never, 'body').error);
}

// The service's messages name the HTTP fields; here they are options.
const asOptions = (message: string) => message.replaceAll('organization_slug', '--slug');

export const createOrgCommand: Command = {
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

  async run(args) {
    const values = parseOptions('create-org', args, this.options);
    const name = required('create-org', values, 'name');
    const email = required('create-org', values, 'admin-email');
    const slug = values.slug as string | undefined;
    checkValues({ '--name': name, '--admin-email': email, '--slug': slug });
    if (!name.trim()) throw new CliError('--name must not be blank');
    const password = generatePassword();

    const result = await withDatabase(async ({ deps }) => {
      let account: Awaited<ReturnType<typeof register>>;
      try {
        account = await register(deps, {
          email,
          password,
          organization_name: name,
          organization_slug: slug, // derived from the name (slugFromName) when omitted
        });
      } catch (err) {
        if (err instanceof HttpError && err.field === 'email') {
          throw new CliError(`An account with the e-mail ${email.toLowerCase()} already exists`);
        }
        if (err instanceof HttpError && err.statusCode < 500) throw new CliError(asOptions(err.message));
        throw err;
      }
      const apiKey = await createApiKey(deps, account.organization.id, account.userId, API_KEY_LABEL);
      return { ...account, apiKey };
    });

    const { organization, userId, apiKey } = result;
    if (values.json) {
      return printJson({
        organization,
        admin: { id: userId, email: email.toLowerCase(), role: 'admin', password },
        api_key: { id: apiKey.id, label: apiKey.label, key: apiKey.key },
      });
    }
    out(`Created organization "${organization.name}" (slug ${organization.slug}, id ${organization.id}).`);
    out();
    out(`  admin e-mail:  ${email.toLowerCase()}`);
    out(`  password:      ${password}`);
    out(`  API key:       ${apiKey.key}`);
    out();
    out('Both secrets are shown only this once. The admin signs in with the password (and should');
    out(`change it); the bot sends the API key in the x-organization-api-key header, to`);
    out(`/api/v1/chats or /api/v1/orgs/${organization.slug}/chats.`);
  },
};
