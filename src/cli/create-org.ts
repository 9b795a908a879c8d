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
import { CliError } from './args.js';
import { API_KEY_LABEL, type OptionValues } from './commands.js';
import { withDatabase } from './database.js';
import { out, printJson } from './output.js';
import { generatePassword } from './passwords.js';

// The registration body's own field schemas, under the names of the options that carry them, so
// that a bad value is refused exactly as POST /auth/register refuses it, and named as the option.
const OptionSchema = Type.Object({
  '--name': RegisterBody.properties.organization_name,
  '--admin-email': RegisterBody.properties.email,
  '--slug': RegisterBody.properties.organization_slug,
});

function checkValues(values: Record<string, string | undefined>): void {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
  const validate = ajv.compile(OptionSchema);
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (!validate(defined)) throw new CliError(describeValidationErrors(validate.errors as never, 'body').error);
}

// The service's messages name the HTTP fields; here they are options.
const asOptions = (message: string) => message.replaceAll('organization_slug', '--slug');

export async function createOrg(values: OptionValues): Promise<void> {
  const name = values.name as string;
  const email = values['admin-email'] as string;
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
    // The operator may be told what the public registration keeps to itself.
    if (account.outcome === 'existing') throw new CliError(`An account with the e-mail ${email.toLowerCase()} already exists`);
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
}
