// The attacks of bench:abuse (see bench/abuse.ts), and the helpers both sides use. Loaded as a
// worker thread, it runs one attack until told to stop, so that the attacker's client work does not
// delay the victim's requests in the main thread's event loop (both still share the machine's cores).
import http from 'node:http';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export const PASSWORD = 'bench abuse passphrase';
const MiB = 1024 * 1024;
const DAY = 86_400_000;

export type Org = { key: string; token: string; id: number };
export type Tally = Record<string, number>;
export const count = (tally: Tally, key: string | number) => (tally[key] = (tally[key] ?? 0) + 1);

export async function call(base: string, url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(base + url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

export async function organization(base: string, name: string): Promise<Org> {
  const email = `${name}@bench.example`;
  const reg = await call(base, '/auth/register', { body: { email, password: PASSWORD, organization_name: name } });
  if (reg.status !== 202) throw new Error(`register ${name}: ${reg.status} ${reg.text}`);
  const login = JSON.parse((await call(base, '/auth/login', { body: { email, password: PASSWORD } })).text);
  const auth = { authorization: `Bearer ${login.token}` };
  const key = JSON.parse((await call(base, '/api/v1/orgs/me/apikeys', { body: { label: 'bench' }, headers: auth })).text).key;
  return { key, token: login.token, id: login.user.organization_id };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const CATEGORIES = ['leave', 'payroll', 'benefits', 'onboarding', 'it'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];

/** A chat of the last 80 days with varied rolled-up fields. */
export function chat(padTo = 0) {
  const base = {
    title: 'Question about ' + pick(CATEGORIES),
    tags: [pick(CATEGORIES)],
    created_at: new Date(Date.now() - Math.random() * 80 * DAY).toISOString(),
    metadata: { question_category: pick(CATEGORIES), sentiment: pick(SENTIMENTS), user_rating: 1 + Math.floor(Math.random() * 5), is_escalated: Math.random() < 0.1 },
  };
  if (!padTo) return base;
  // A long transcript link brings the item to `padTo` bytes (a full-size batch of realistic items).
  const link = 'https://bot.example.com/transcripts/' + 'x'.repeat(Math.max(0, Math.min(2000, padTo - JSON.stringify(base).length - 60)));
  return { ...base, metadata: { ...base.metadata, transcript_link: link }, session_id: 's'.repeat(Math.max(0, Math.min(255, padTo - JSON.stringify(base).length - link.length - 60))) };
}

/** One 1,000-chat batch body just under 5 MiB. */
function fullBatch(): string {
  const items = Array.from({ length: 1000 }, () => JSON.stringify(chat(Math.floor((5 * MiB - 64) / 1000) - 1)));
  let body = `{"chats":[${items.join(',')}]}`;
  if (Buffer.byteLength(body) > 5 * MiB) body = `{"chats":[${items.slice(0, 990).join(',')}]}`;
  return body;
}

export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Repeats `attempt` on `connections` loops until stopped; tallies what it was answered. */
function attacker(connections: number, attempt: (tally: Tally) => Promise<void>) {
  const tally: Tally = {};
  let running = true;
  const done = Promise.all(
    Array.from({ length: connections }, async () => {
      while (running) await attempt(tally).catch(() => count(tally, 'error'));
    }),
  );
  return {
    stop: async () => {
      running = false;
      await done;
      return tally;
    },
  };
}

export type Attack = (base: string, attackerOrg: Org) => { stop: () => Promise<Tally> };

export const ATTACKS: Record<string, Attack> = {
  'analytics-edges': (base, a) => {
    const to = new Date(Date.now() - 17 * 60_000).toISOString();
    const from = new Date(Date.now() - 80 * DAY + 23 * 60_000).toISOString();
    const url = `/api/v1/analytics/timeseries?interval=hour&tz=Asia/Kathmandu&from=${from}&to=${to}&metrics=chats,csat,escalation_rate`;
    return attacker(4, async (t) => void count(t, (await call(base, url, { headers: { authorization: `Bearer ${a.token}` } })).status));
  },
  'export-flood': (base, a) =>
    attacker(4, async (t) => {
      const res = await call(base, '/api/v1/exports', { body: { format: 'json', type: 'all' }, headers: { authorization: `Bearer ${a.token}` } });
      count(t, res.status);
      if (res.status !== 202 && res.status !== 201) await new Promise((r) => setTimeout(r, 50));
    }),
  'slow-sync-export': (base, a) => {
    // Readers that open a synchronous export and never read it, re-opened when answered.
    const tally: Tally = {};
    const open: http.ClientRequest[] = [];
    let running = true;
    const start = () => {
      if (!running) return;
      const req = http.request(`${base}/api/v1/exports/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` } }, (res) => {
        count(tally, res.statusCode ?? 0);
        if (res.statusCode === 200) res.pause(); // holds its slot as long as the server lets it
        else {
          res.resume();
          res.on('end', () => setTimeout(start, 100));
        }
      });
      req.on('error', () => count(tally, 'error'));
      req.end(JSON.stringify({ format: 'csv', type: 'all' }));
      open.push(req);
    };
    for (let i = 0; i < 12; i++) start();
    return {
      stop: async () => {
        running = false;
        for (const req of open) req.destroy();
        return tally;
      },
    };
  },
  'batch-flood': (base, a) => {
    const body = fullBatch();
    return attacker(16, async (t) => {
      const res = await call(base, '/api/v1/chats/batch', { body, headers: { 'x-organization-api-key': a.key } });
      count(t, res.status);
      if (res.status >= 400) await new Promise((r) => setTimeout(r, 100));
    });
  },
  'register-flood': (base) => {
    let n = 0;
    return attacker(4, async (t) => {
      const id = `${process.pid}-${n++}`;
      count(t, (await call(base, '/auth/register', { body: { email: `flood-${id}@bench.example`, password: PASSWORD, organization_name: `Flood ${id}` } })).status);
    });
  },
  'password-guess': (base, a) => {
    let n = 0;
    return attacker(4, async (t) => {
      const i = n++;
      const res =
        i % 2
          ? await call(base, '/api/v1/users/me/password', { body: { current_password: `guess ${i}`, new_password: 'lantern cobalt fjord' }, headers: { authorization: `Bearer ${a.token}` } })
          : await call(base, '/auth/login', { body: { email: 'victim@bench.example', password: `guess ${i}` } });
      count(t, `${i % 2 ? 'change' : 'login'} ${res.status}`);
    });
  },
};


// As a worker: start the attack named in workerData, and on "stop" answer with its tally.
if (!isMainThread && parentPort) {
  const { name, base, org } = workerData as { name: string; base: string; org: Org };
  const running = ATTACKS[name](base, org);
  parentPort.once('message', async () => {
    parentPort!.postMessage(await running.stop());
  });
}
