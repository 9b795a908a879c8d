// Keyset cursors: the (created_at, id) of the last chat of a page, as opaque base64url text.
import { badRequest } from '../http/errors.js';
import { inInstantRange } from './filters.js';
import type { Keyset } from './repository.js';

export const encodeCursor = (k: Keyset) =>
  Buffer.from(JSON.stringify([k.createdAt.toISOString(), k.id])).toString('base64url');

export function decodeCursor(cursor: string): Keyset {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(String(createdAt));
    if (typeof createdAt === 'string' && !Number.isNaN(date.getTime()) && inInstantRange(date) && Number.isSafeInteger(id) && (id as number) > 0) {
      return { createdAt: date, id: id as number };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('query parameter cursor is invalid: pass the next_cursor of a previous page', 'cursor');
}
