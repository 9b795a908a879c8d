// npm run bench:export — the synchronous export (POST /api/v1/exports/sync) of 200,000 chats of one
// organization, through the real server running as a child process. Prints rows, seconds, MB/s
// and the server's peak resident memory (VmHWM); asserts nothing.
//
// Backend: PostgreSQL when DATABASE_URL is set (a new database "chatlogger_bench_export_<random>"
// is created on that server and dropped at the end), else the embedded PGlite database in a
// temporary DATA_DIR. BENCH_CHATS changes the number of chats.
//
// Steps: start the server once (migrations) and register an organization; stop it; insert the
// chats with one INSERT … SELECT generate_series (and a message for every tenth chat); start a
// fresh server, so that its peak memory covers start-up and the exports only; export.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 200_000);
const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function memoryOf(pid: number): { hwmMb: number; rssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { hwmMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  await exitCode(server, 30_000);
}

/** Streams one synchronous export and reads it to the end without keeping it. */
async function exportOnce(url: string, token: string, body: Record<string, unknown>, format: 'csv' | 'ndjson') {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/exports/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: format === 'csv' ? lines - 1 : lines, bytes, seconds, firstByteMs };
}

async function main() {
  const port = await freePort();
  const jwtSecret = crypto.randomBytes(48).toString('base64url');
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (backend === 'postgres') {
    const name = `chatlogger_bench_export_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-export-'));
    cleanup = async () => fs.rmSync(dataDir!, { recursive: true, force: true });
  }
  const env: Record<string, string> = {
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: jwtSecret,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir! }),
  };
  console.log(`bench:export — ${backend}, ${CHATS.toLocaleString('en')} chats, node ${process.version}, ${os.cpus().length} CPUs`);

  try {
    // 1. A first server: migrations, then an organization and a token.
    let server = spawnServer(env);
    await waitUntilHealthy(server, 120_000);
    const email = `bench-${crypto.randomBytes(4).toString('hex')}@example.com`;
    const registered = await json(`${server.url}/auth/register`, { method: 'POST', body: { email, password: 'bench-password-123', organization_name: 'Bench export' } });
    if (registered.status !== 202) throw new Error(`register: ${JSON.stringify(registered.body)}`);
    const login = await json(`${server.url}/auth/login`, { method: 'POST', body: { email, password: 'bench-password-123' } });
    const token = login.body.token as string;
    const organizationId = login.body.user.organization_id as number;
    await stop(server);

    // 2. The chats, straight into the database.
    let started = performance.now();
    const config: Config = { port, host: '127.0.0.1', dataDir: dataDir ?? os.tmpdir(), databaseUrl, jwtSecret, logLevel: 'warn', allowRegistration: true, cookieSecure: false };
    const opened = await openDatabase(config);
    try {
      await opened.database.pool.query(
        `INSERT INTO chats (organization_id, user_id, title, tags, avg_response_time, country_code, ip_address, is_escalated,
                            is_forwarded_to_hr, language_code, question_category, sentiment, session_id, token_count,
                            transcript_link, user_rating, created_at)
         SELECT $1, g % 5000 + 1, 'How many leave days do I have left? (' || g || ')',
                ARRAY['leave', CASE WHEN g % 3 = 0 THEN 'urgent' ELSE 'pto' END], (g % 1000) / 100.0,
                (ARRAY['NL','GB','DE','TR'])[g % 4 + 1], '203.0.113.' || (g % 250), g % 7 = 0, g % 11 = 0,
                (ARRAY['nl','en','de','tr'])[g % 4 + 1], 'leave', (ARRAY['positive','neutral','negative'])[g % 3 + 1],
                'session-' || g, 200 + g % 800, 'https://bot.example.com/transcripts/' || g, g % 5 + 1,
                now() - interval '30 days' + g * interval '10 milliseconds'
         FROM generate_series(1, $2::int) AS g`,
        [organizationId, CHATS],
      );
      await opened.database.pool.query(
        `INSERT INTO messages (organization_id, chat_id, role, content, token_count, response_time, created_at)
         SELECT organization_id, id, 'user', 'I would like to know how many leave days I have left this year.', 14, NULL, created_at
         FROM chats WHERE organization_id = $1 AND id % 10 = 0`,
        [organizationId],
      );
      if (backend === 'postgres') await opened.database.pool.query('ANALYZE chats; ANALYZE messages');
    } finally {
      await opened.close();
    }
    console.log(`inserted ${CHATS.toLocaleString('en')} chats (+ ${Math.floor(CHATS / 10).toLocaleString('en')} messages) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // 3. A fresh server, then the exports.
    server = spawnServer(env);
    await waitUntilHealthy(server, 120_000);
    const pid = server.child.pid!;
    const idle = memoryOf(pid);
    console.log(`server pid ${pid}: after start-up RSS ${idle.rssMb.toFixed(0)} MB, peak ${idle.hwmMb.toFixed(0)} MB`);
    console.log('');
    console.log('export                 rows        MB   seconds   MB/s   rows/s   first byte   server peak RSS');
    const runs: [string, Record<string, unknown>, 'csv' | 'ndjson'][] = [
      ['csv, chats', { format: 'csv', type: 'chats' }, 'csv'],
      ['ndjson, chats', { format: 'ndjson', type: 'chats' }, 'ndjson'],
      ['ndjson, all', { format: 'ndjson', type: 'all' }, 'ndjson'],
      ['csv, chats (again)', { format: 'csv', type: 'chats' }, 'csv'],
    ];
    for (const [label, body, format] of runs) {
      const r = await exportOnce(server.url, token, body, format);
      const mem = memoryOf(pid);
      const mb = r.bytes / 1e6;
      console.log(
        `${label.padEnd(20)} ${String(r.rows).padStart(8)} ${mb.toFixed(1).padStart(9)} ${r.seconds.toFixed(2).padStart(9)} ` +
          `${(mb / r.seconds).toFixed(1).padStart(6)} ${Math.round(r.rows / r.seconds).toString().padStart(8)} ` +
          `${(r.firstByteMs.toFixed(0) + ' ms').padStart(12)} ${(mem.hwmMb.toFixed(0) + ' MB').padStart(17)}`,
      );
    }
    started = performance.now();
    await stop(server);
    console.log('');
    console.log('(MB = 10^6 bytes; "server peak RSS" is VmHWM of the server process since its start)');
  } finally {
    await cleanup();
  }
}

await main();
