// Configuration from the environment, validated once at start-up. A bad value stops the server
// with a one-line reason (ConfigError) instead of surfacing later as a confusing failure.
import path from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (and of the generated JWT secret). */
  dataDir: string;
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** HS256 key for dashboard tokens. Undefined in embedded mode until generated in dataDir. */
  jwtSecret: string | undefined;
  logLevel: LogLevel;
  allowRegistration: boolean;
  cookieSecure: boolean;
}

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseDatabaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return value;
}

/** Reads the configuration from `env`; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${get('LOG_LEVEL')}"`);
  }

  const databaseUrl = get('DATABASE_URL') === undefined ? undefined : parseDatabaseUrl(get('DATABASE_URL')!);
  const jwtSecret = get('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  if (databaseUrl !== undefined && jwtSecret === undefined) {
    // Several instances share one PostgreSQL database, so they must share the secret too.
    throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)');
  }

  return {
    port: get('PORT') === undefined ? 8080 : parsePort(get('PORT')!),
    host: get('HOST') ?? '127.0.0.1',
    dataDir: path.resolve(get('DATA_DIR') ?? './data'),
    databaseUrl,
    jwtSecret,
    logLevel: logLevel as LogLevel,
    allowRegistration: get('ALLOW_REGISTRATION') === undefined ? true : parseBoolean('ALLOW_REGISTRATION', get('ALLOW_REGISTRATION')!),
    cookieSecure: get('COOKIE_SECURE') === undefined ? false : parseBoolean('COOKIE_SECURE', get('COOKIE_SECURE')!),
  };
}
