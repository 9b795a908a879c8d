// Opens the configured database for one command, exactly as the server does (same configuration,
// same DATA_DIR lock, same migrations), and always closes it before the command returns.
import { DEFAULT_SKETCH_OPTIONS } from '../analytics/sketches/options.js';
import { DEFAULT_COST_LIMITS } from '../cost-limits/settings.js';
import { ApiKeyCache } from '../api-keys/cache.js';
import { apiKeyHmacKey } from '../api-keys/key-format.js';
import { TokenService } from '../auth/tokens.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { OpenDatabaseError, openDatabase, type OpenedDatabase } from '../db/open.js';
import type { AppDeps } from '../http/context.js';
import { CliError } from './args.js';

export interface CommandContext {
  config: Config;
  opened: OpenedDatabase;
  /** What the services expect from the app, built from the same configuration as the server's. */
  deps: AppDeps;
}

export function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

export async function withDatabase<T>(run: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = readConfig();

  // Ctrl-C or SIGTERM while the database is open (or opening): let the opening finish, then close
  // the database (an embedded one must not be left half-written) and release DATA_DIR, and exit.
  let opened: OpenedDatabase | undefined;
  let interrupted: NodeJS.Signals | undefined;
  const exitClosed = async (signal: NodeJS.Signals) => {
    await opened?.close().catch(() => {});
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = signal;
    process.stderr.write(`chatlogger: interrupted (${signal}); closing the database\n`);
    if (opened) void exitClosed(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    try {
      opened = await openDatabase(config);
    } catch (err) {
      if (interrupted) await exitClosed(interrupted); // openDatabase has closed what it opened
      if (err instanceof OpenDatabaseError) throw new CliError(err.message, { cause: err });
      throw err;
    }
    if (interrupted) await exitClosed(interrupted);

    const { database, jwtSecret } = opened;
    const deps: AppDeps = {
      db: database.db,
      pool: database.pool,
      databaseKind: database.kind,
      tokens: new TokenService(jwtSecret),
      apiKeyHmacKey: apiKeyHmacKey(jwtSecret),
      apiKeyCache: new ApiKeyCache(),
      // The operator is creating the organization: registration being off for the public is the
      // reason to use the command line, not a rule that applies to it.
      allowRegistration: true,
      cookieSecure: config.cookieSecure,
      dataDir: config.dataDir,
      costLimits: { ...DEFAULT_COST_LIMITS, ...config.costLimits },
      sketches: { ...DEFAULT_SKETCH_OPTIONS, ...config.sketches },
    };
    try {
      return await run({ config, opened, deps });
    } finally {
      await opened.close();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
