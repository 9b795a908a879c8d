// The ingest path of one app: a group-commit queue per table and the keys in flight. Created and
// closed with the app's deps (src/deps.ts).
import type pg from 'pg';
import { poolBeside, type Database } from '../db/connection.js';
import type { AppDeps } from '../http/context.js';
import { writeChats, type ChatItem, type CreatedChat } from './chats.js';
import { GroupCommit } from './group-commit.js';
import { InFlightKeys, type Answer } from './idempotency.js';
import { writeMessages, type CreatedMessage, type MessageItem } from './messages.js';

export interface Ingest {
  chats: GroupCommit<ChatItem, Answer<CreatedChat>>;
  messages: GroupCommit<MessageItem, Answer<CreatedMessage>>;
  keys: InFlightKeys;
  /** Where the group commits write (PostgreSQL: connections of their own). */
  pool: pg.Pool;
  close(): Promise<void>;
}

// Up to 500 requests per transaction.
const MAX_BATCH = 500;
// One flush at a time per table. Concurrent flushes of chats would wait for each other anyway
// (the rollup trigger updates the same chat_rollups rows, locked until commit), and one at a time
// lets the next batch grow while the current one commits.
const CONCURRENCY = 1;
// ... and a second one beside it while 500 more are already waiting.
const FULL_BATCH_CONCURRENCY = 2;

/** The ingest path over `database`; its close() waits for the writes in progress, then ends its own connections (if any). */
export function createIngest(database: Pick<Database, 'kind' | 'pool'>): Ingest {
  // On PostgreSQL the flushes get connections of their own, so that a flush never queues in the
  // app's pool behind the authentication queries of the very requests it is about to answer.
  // PGlite has one connection: share it.
  const own = database.kind === 'postgres' ? poolBeside(database.pool, { max: 2 * FULL_BATCH_CONCURRENCY }) : undefined;
  const pool = own ?? database.pool;
  const chats = new GroupCommit({ write: (items: ChatItem[]) => writeChats(pool, items), maxBatch: MAX_BATCH, concurrency: CONCURRENCY, fullBatchConcurrency: FULL_BATCH_CONCURRENCY });
  const messages = new GroupCommit({ write: (items: MessageItem[]) => writeMessages(pool, items), maxBatch: MAX_BATCH, concurrency: CONCURRENCY, fullBatchConcurrency: FULL_BATCH_CONCURRENCY });
  let closing: Promise<void> | undefined;
  return {
    chats,
    messages,
    keys: new InFlightKeys(),
    pool,
    close: () =>
      (closing ??= (async () => {
        await Promise.all([chats.drained(), messages.drained()]);
        await own?.end();
      })()),
  };
}

export const ingestOf = (deps: Pick<AppDeps, 'pools'>): Ingest => deps.pools.ingest;
