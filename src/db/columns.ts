// Column types that several schema files share.
import { bigint, customType, timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision so that a timestamp survives a round trip through a JS Date exactly
// (keyset cursors compare them).
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
export const id = (name: string) => bigint(name, { mode: 'number' });

export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
