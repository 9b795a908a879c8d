// Request validation: JSON bodies are checked strictly (no type coercion: "5" is not a number,
// unknown fields are an error, not dropped); query strings and path parameters are text by nature,
// so there "20" may stand for the integer 20.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { FORMATS } from './formats.js';

export function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false, // schemas carry OpenAPI keywords (description, examples) Ajv does not know
    ...options,
  });
  addFormats.default(ajv);
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const strict = makeAjv({ coerceTypes: false });
  const lenient = makeAjv({ coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : lenient).compile(schema),
  );
}
