// A retention run in a process of its own (test/retention-crash.test.ts kills it with SIGKILL).
// Usage: node --import tsx test/support/retention-run.ts DATABASE_URL BATCH_SIZE
import { connectPostgres } from '../../src/db/connection.js';
import { RetentionJob } from '../../src/retention/job.js';

const [url, batch] = process.argv.slice(2);
const database = connectPostgres(url, 2);
const job = new RetentionJob(database, '/tmp', { batchSize: Number(batch) });
const report = await job.runOnce();
process.stdout.write(JSON.stringify(report));
await job.stop();
await database.close();
