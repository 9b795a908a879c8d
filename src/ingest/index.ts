// The ingest path of one database: a group-commit queue per table and the keys in flight.
// Made on first use for a pool (a test app, the server), so the app needs no extra wiring.
import type pg from 'pg';
import type { AppDeps } from '../http/context.js';
import { writeChats, type ChatItem, type CreatedChat } from './chats.js';
import { GroupCommit } from './group-commit.js';
import { InFlightKeys, type Answer } from './idempotency.js';
import { writeMessages, type CreatedMessage, type MessageItem } from './messages.js';

export interface Ingest {
  chats: GroupCommit<ChatItem, Answer<CreatedChat>>;
  messages: GroupCommit<MessageItem, Answer<CreatedMessage>>;
  keys: InFlightKeys;
}

// Up to 500 requests per transaction. PGlite has one connection, so one flush at a time; on
// PostgreSQL two may overlap (one committing while the next is being written), which keeps the
// connection pool free for reads and authentication.
const MAX_BATCH = 500;

const instances = new WeakMap<pg.Pool, Ingest>();

export function ingestOf(deps: Pick<AppDeps, 'pool' | 'databaseKind'>): Ingest {
  let ingest = instances.get(deps.pool);
  if (!ingest) {
    const pool = deps.pool;
    const concurrency = deps.databaseKind === 'pglite' ? 1 : Number(process.env.INGEST_CONCURRENCY ?? 2);
    ingest = {
      chats: new GroupCommit({ write: (items) => writeChats(pool, items), maxBatch: MAX_BATCH, concurrency }),
      messages: new GroupCommit({ write: (items) => writeMessages(pool, items), maxBatch: MAX_BATCH, concurrency }),
      keys: new InFlightKeys(),
    };
    instances.set(pool, ingest);
  }
  return ingest;
}
