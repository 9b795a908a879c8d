// Opens the configured database for one command, exactly as the server does (same configuration,
// same DATA_DIR lock, same migrations), and always closes it before the command returns.
import { ConfigError, loadConfig, type Config } from '../config.js';
import { OpenDatabaseError, openDatabase, type OpenedDatabase } from '../db/open.js';
import { closeAppDeps, createAppDeps, depsOptionsOf } from '../deps.js';
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

    // The same deps as the server's (src/deps.ts), but the operator is creating the organization:
    // registration being off for the public is the reason to use the command line, not a rule
    // that applies to it.
    const deps = createAppDeps(opened.database, { ...depsOptionsOf(config, opened.jwtSecret), allowRegistration: true });
    try {
      return await run({ config, opened, deps });
    } finally {
      await closeAppDeps(deps).finally(() => opened!.close());
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
