// Page cursors, in one place: the position of the last row of a page, passed back as `cursor` for
// the next one. Two forms:
//  - opaque (chats, exports, a chat's messages, transcript access requests): base64url text of a
//    JSON array of the row's keys, [created_at, id] for a keyset on (created_at, id) or [id] for
//    one on id. Id cursors were written {"after": id} (messages) and {"before": id} (access
//    requests) before: still read.
//  - sequence (the audit log, webhook deliveries, erasure requests): the id as digits, which their
//    query schema states (sequenceCursorParam, a pattern in the OpenAPI document).
// A cursor that is not one of these is a 400 naming `cursor`.
import { Type } from 'typebox';
import type { Keyset } from '../db/columns.js';
import { badRequest } from './errors.js';

const invalidCursor = () => badRequest('query parameter cursor is invalid: pass the next_cursor of a previous page', 'cursor');

const encodeKeys = (keys: readonly (string | number)[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');

function decodeKeys(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

export const keysetCursor = {
  encode: (k: Keyset) => encodeKeys([k.createdAt.toISOString(), k.id]),
  /** `instantOk`: which instants the service accepts (inInstantRange of src/chats/filters.ts). */
  decode(cursor: string, instantOk: (date: Date) => boolean): Keyset {
    const keys = decodeKeys(cursor);
    if (Array.isArray(keys)) {
      const [createdAt, id] = keys as unknown[];
      const date = new Date(String(createdAt));
      if (typeof createdAt === 'string' && !Number.isNaN(date.getTime()) && instantOk(date) && isId(id)) return { createdAt: date, id };
    }
    throw invalidCursor();
  },
};

export const idCursor = {
  encode: (id: number) => encodeKeys([id]),
  /** `legacyKey`: the one key of the object form this endpoint wrote before ([id]). */
  decode(cursor: string, legacyKey: 'after' | 'before'): number {
    const keys = decodeKeys(cursor);
    const id = Array.isArray(keys) ? (keys.length === 1 ? keys[0] : undefined) : (keys as Record<string, unknown> | null)?.[legacyKey];
    if (isId(id)) return id;
    throw invalidCursor();
  },
};

export const sequenceCursor = {
  encode: (id: number) => String(id),
  /** The query schema (sequenceCursorParam) has checked the digits. */
  decode: (cursor: string) => Number(cursor),
};

/** The `cursor` query parameter of a sequence-paged list. */
export const sequenceCursorParam = (description?: string) =>
  Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$', ...(description === undefined ? {} : { description }) }));

/** The page of `rows` (fetched with one row more than `limit`) and the next page's cursor, null on the last. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { page: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, next_cursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
}
