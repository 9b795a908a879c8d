// A TCP proxy in front of a real server that fails on purpose, for the SDKs' retry tests:
// - cut(n): the next n answers are cut — the request reaches the server, which handles it (and
//   commits), and the proxy closes the client's connection as the answer's first bytes arrive, so
//   the client sees a dropped connection for a request that did happen;
// - down(true): every connection is closed at once (the server looks unreachable);
// - reject(n, status): the next n requests get that status from the proxy itself (a gateway's 503).
import net from 'node:net';

export interface FlakyProxy {
  url: string;
  /** Cut the next `n` answers after the request was forwarded. */
  cut(n: number): void;
  /** While true, open connections are closed and new ones closed before anything is forwarded. */
  down(isDown: boolean): void;
  /** Answer the next `n` requests with `status` (and Retry-After: 0) without forwarding them. */
  reject(n: number, status: number): void;
  counts: { cut: number; refused: number; rejected: number; connections: number };
  close(): Promise<void>;
}

export async function startFlakyProxy(targetUrl: string): Promise<FlakyProxy> {
  const target = new URL(targetUrl);
  let cutsLeft = 0;
  let rejectsLeft = 0;
  let rejectStatus = 503;
  let isDown = false;
  const counts = { cut: 0, refused: 0, rejected: 0, connections: 0 };
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    counts.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (isDown) {
      counts.refused++;
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    // HTTP/1.1 on one connection: a request, then its answer, then the next request (keep-alive).
    let inRequest = false; // request bytes seen, and no answer byte yet
    client.on('data', (chunk) => {
      if (!inRequest && rejectsLeft > 0) {
        rejectsLeft--;
        counts.rejected++;
        const body = JSON.stringify({ error: 'The proxy refused the request', code: 'unavailable' });
        client.end(
          `HTTP/1.1 ${rejectStatus} Refused\r\ncontent-type: application/json\r\nretry-after: 0\r\n` +
            `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
        upstream.destroy();
        return;
      }
      inRequest = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (inRequest) {
        inRequest = false;
        if (cutsLeft > 0) {
          cutsLeft--;
          counts.cut++;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: (n) => (cutsLeft = n),
    down: (d) => {
      isDown = d;
      // Connections kept alive from before go too: the server is gone for everyone.
      if (d) for (const socket of sockets) socket.destroy();
    },
    reject: (n, status) => {
      rejectsLeft = n;
      rejectStatus = status;
    },
    counts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
