// Creates a new embedded database folder and exits: run as a child process by openEmbedded
// (embedded.ts) on the first start. PGlite's initdb runs in a second WebAssembly instance and keeps
// a full copy of its memory; in the server's process that left ~140 MB of freed but resident memory
// (malloc arenas, the instances) for the server's whole life. In a process of its own it all goes
// back to the operating system when it exits, and the server then opens the folder as on a restart.
// Usage: node --import tsx src/db/embedded-initdb.ts PGDATA '["-c","shared_buffers=16MB",...]'
import { PGlite } from '@electric-sql/pglite';
import { createPglite } from './pglite.js';

const [pgdata, settingsJson] = process.argv.slice(2);
const settings = JSON.parse(settingsJson) as string[];
const pglite = createPglite({ dataDir: pgdata, startParams: [...PGlite.defaultStartParams, ...settings], initDbStartParams: settings });
await pglite.waitReady;
await pglite.close();
