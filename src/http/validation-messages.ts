// Turns Ajv's validation errors into one sentence that names the field and says what is expected,
// e.g. "metadata.user_rating must be at most 5" or "Unknown fields: metadata.colour, foo".
import type { FastifySchemaValidationError } from 'fastify';
import type { ErrorBody } from './errors.js';
import { FORMAT_MESSAGES } from './formats.js';

type AjvError = FastifySchemaValidationError & { parentSchema?: { type?: string | string[] } };

/** "/metadata/user_rating" → "metadata.user_rating", "/tags/3" → "tags[3]". */
function fieldName(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function describeOne(e: AjvError, where: string): string {
  const name = where || 'The request body';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${fieldName(e.instancePath, String(p.missingProperty))} is required`;
    case 'type':
      return `${name} must be ${describeType(p.type)}`;
    case 'minimum':
      return `${name} must be at least ${p.limit}`;
    case 'maximum':
      return `${name} must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `${name} must be greater than ${p.limit}`;
    case 'maxLength':
      return `${name} must be at most ${p.limit} characters long`;
    case 'minLength':
      return p.limit === 1 ? `${name} must not be empty` : `${name} must be at least ${p.limit} characters long`;
    case 'maxItems':
      return `${name} must have at most ${p.limit} items`;
    case 'minItems':
      return `${name} must have at least ${p.limit} items`;
    case 'enum':
      return `${name} must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return `${name} ${FORMAT_MESSAGES[String(p.format)] ?? `must be a valid ${p.format}`}`;
    case 'pattern':
      return `${name} has an invalid format`;
    default:
      return `${name} ${e.message ?? 'is invalid'}`;
  }
}

export function describeValidationErrors(errors: FastifySchemaValidationError[], context: string): ErrorBody {
  const errs = errors as AjvError[];
  const unknown = errs
    .filter((e) => e.keyword === 'additionalProperties')
    .map((e) => fieldName(e.instancePath, String((e.params as Record<string, unknown>).additionalProperty)));
  const prefix = context === 'body' ? '' : `${context === 'querystring' ? 'query parameter' : context} `;
  if (unknown.length > 0) {
    const list = [...new Set(unknown)];
    return {
      error: `Unknown field${list.length > 1 ? 's' : ''}: ${list.join(', ')}`,
      code: 'unknown_field',
      field: list[0],
    };
  }
  // With allErrors, a value of the wrong type also fails its other keywords; report the type first.
  const first = errs.find((e) => e.keyword === 'type') ?? errs[0];
  if (first.keyword === 'const') {
    // A union of literals fails each literal on its own: one "must be one of" with all of them.
    const allowed = errs.filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath).map((e) => (e.params as { allowedValue: unknown }).allowedValue);
    const field = fieldName(first.instancePath);
    const body: ErrorBody = { error: `${prefix}${field || 'The request body'} must be one of: ${allowed.join(', ')}`, code: 'invalid_request' };
    if (field) body.field = field;
    return body;
  }
  const field = first.keyword === 'required'
    ? fieldName(first.instancePath, String((first.params as Record<string, unknown>).missingProperty))
    : fieldName(first.instancePath);
  const body: ErrorBody = { error: prefix + describeOne(first, field), code: 'invalid_request' };
  if (field) body.field = field;
  return body;
}
