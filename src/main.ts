// Start-up: config → database (migrated) → app → listen; graceful shutdown on SIGINT/SIGTERM.
import v8 from 'node:v8';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startEmbeddedMaintenance } from './db/maintenance.js';
import { OpenDatabaseError, openDatabase, type OpenedDatabase } from './db/open.js';
import { depsOptionsOf } from './deps.js';
import { loggerOptions } from './http/logging.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

// V8's old generation grows to as much as 4× what survived its last full collection before the
// next one; under batch ingest (tens of MB a second promoted, then garbage) that took the server
// from ~190 to ~240–310 MB RSS. 1.5× keeps it at ~200 MB for about the same GC time. (Read at every
// full collection, so setting it now works; a --heap-growing-percent given to node wins.)
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=50');

function fail(message: string): never {
  process.stderr.write(`chatlogger: ${message}\n`);
  process.exit(1);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let opened: OpenedDatabase;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    fail(err instanceof OpenDatabaseError ? err.message : `cannot open the database: ${(err as Error).message}`);
  }
  const { database, jwtSecret, release } = opened;

  const app = await buildApp({
    database,
    ...depsOptionsOf(config, jwtSecret),
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    retentionIntervalMs: (config.retentionIntervalSeconds ?? 3600) * 1000,
    rollupFold: config.rollupFold,
    webhooks: { allowPrivate: config.webhooks?.allowPrivate },
    alerts: { evaluator: { intervalMs: (config.webhooks?.alertIntervalSeconds ?? 60) * 1000 } },
    logger: loggerOptions(config.logLevel),
  });

  const stopMaintenance = startEmbeddedMaintenance(database, app.log);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    stopMaintenance();
    const deadline = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      release();
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      await app.close(); // stops accepting, answers 503 to new requests, lets in-flight ones finish
      await database.close();
      release();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      release();
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await database.close().catch(() => {});
    release();
    fail(`cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
  }
  app.log.info(`ChatLogger ${database.kind === 'pglite' ? `(embedded database in ${config.dataDir})` : '(PostgreSQL)'} ready`);
}

await main();
