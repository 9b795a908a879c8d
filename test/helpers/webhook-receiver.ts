// A real HTTP receiver for webhook tests, in the test process: records every request (headers and
// raw body) and answers as the test says (a status, or never: a hanging receiver).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Behaviour = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** How the next requests are answered (default 200); a function decides per request. */
  respond: (behaviour: Behaviour | ((n: number) => Behaviour)) => void;
  /** Resolves once `n` requests in all have arrived. */
  waitFor: (n: number, ms?: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let behaviour: Behaviour | ((n: number) => Behaviour) = { status: 200, body: 'ok' };
  const hanging = new Set<http.ServerResponse>();
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const wake of waiters.splice(0)) wake();
      const b = typeof behaviour === 'function' ? behaviour(received.length) : behaviour;
      if (b === 'hang') {
        hanging.add(res);
        return;
      }
      const answer = () => {
        res.writeHead(b.status, b.headers);
        res.end(b.body ?? '');
      };
      if (b.delayMs) {
        hanging.add(res);
        setTimeout(answer, b.delayMs);
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respond: (b) => (behaviour = b),
    waitFor: async (n, ms = 20_000) => {
      const deadline = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${n} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200).unref();
        });
      }
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
