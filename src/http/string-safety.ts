// PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate cannot be encoded as UTF-8 (it
// would silently become U+FFFD). Both are rejected up front, naming the field, instead of failing
// in the database or reading back different from what was sent.
import { badRequest } from './errors.js';

function findBadString(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? path : undefined;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `.${k}` : k, v] as const);
  for (const [suffix, child] of entries) {
    if (typeof child === 'string' || (child !== null && typeof child === 'object')) {
      const found = findBadString(child, path + suffix, depth + 1);
      if (found !== undefined) return found;
    }
  }
  // Keys are strings too.
  if (!Array.isArray(value)) {
    for (const key of Object.keys(value)) if (key.includes('\u0000') || !key.isWellFormed()) return path || 'the request body';
  }
  return undefined;
}

/** Throws a 400 when any string in the parsed JSON body holds U+0000 or invalid UTF-16. */
export function assertSafeStrings(body: unknown): void {
  const field = findBadString(body, '');
  if (field !== undefined) {
    throw badRequest(`${field || 'the request body'} contains a NUL character or invalid Unicode`, field || undefined);
  }
}
