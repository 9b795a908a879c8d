// The chat batch routes hold at most so many bytes of bodies (BATCH_QUEUE_MB, BATCH_QUEUE_MB_PER_ORG),
// over real HTTP: a request that would pass its organization's share is 429, one that would pass the
// server's budget is 503, both with Retry-After and answered before its body is sent; the bytes come
// back when a response ends, even one whose client went away mid-body.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { BodyGate } from '../src/ingest/body-gate.js';
import { createApiKey, signUp, TEST_JWT_SECRET, TEST_RATE_LIMITS } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';

const MiB = 1024 * 1024;
let database: Database;
let app: App;
let port: number;
let keyA: string;
let keyB: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-body-queue-'));

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, dataDir, jwtSecret: TEST_JWT_SECRET, rateLimit: TEST_RATE_LIMITS, batchQueue: { maxBytes: 8 * MiB, maxBytesPerOrganization: 5 * MiB } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
  keyA = (await createApiKey(app, (await signUp(app)).token)).key;
  keyB = (await createApiKey(app, (await signUp(app)).token)).key;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The batch routes' gate (caught when it first reserves), and a wait for its reserved bytes to reach `bytes`. */
let gate: BodyGate | undefined;
type Reserve = (this: BodyGate, request: unknown) => unknown;
const gatePrototype = BodyGate.prototype as unknown as { reserve: Reserve };
const reserve = gatePrototype.reserve;
vi.spyOn(gatePrototype, 'reserve').mockImplementation(function (this: BodyGate, request) {
  gate = this;
  return reserve.call(this, request);
});
async function untilReserved(bytes: number) {
  for (let i = 0; gate?.load.bytes !== bytes; i++) {
    if (i > 1000) throw new Error(`the gate holds ${gate?.load.bytes} bytes, not ${bytes}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sends a batch request's headers (declaring `length` bytes) and `body` of it; resolves with the socket. */
function startBatch(key: string, length: number, body = ''): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/v1/chats/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `x-organization-api-key: ${key}\r\nContent-Length: ${length}\r\n\r\n${body}`,
      );
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** The status line and headers of the first response on `socket`. */
function responseOf(socket: net.Socket): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (text.length >= end + 4 + length) resolve({ status: Number(text.split(' ')[1]), headers: text.slice(0, end), body: text.slice(end + 4, end + 4 + length) });
    });
  });
}

describe('batch bodies held at once', () => {
  it("refuses past the organization's share (429) and past the server's budget (503) before reading the body", async () => {
    // A: 4 MiB declared, 10 bytes sent: its 4 MiB are reserved while it is received.
    const a = await startBatch(keyA, 4 * MiB, '{"chats":[');
    await untilReserved(4 * MiB); // the server has read A's headers (a state, not a time)
    // B, same organization, 2 MiB: 6 > 5 MiB → 429, answered though B has sent no byte of its body.
    const b = await startBatch(keyA, 2 * MiB);
    const refusedB = await responseOf(b);
    expect(refusedB.status).toBe(429);
    expect(refusedB.headers).toMatch(/retry-after: 1/i);
    expect(JSON.parse(refusedB.body)).toEqual({ error: expect.stringMatching(/^Your organization already has 4 MiB of batch bodies waiting on this server \(at most 5 MiB\)/), code: 'batch_queue_full' });
    b.destroy();
    // C, another organization, 4.5 MiB: 8.5 > 8 MiB on the server → 503.
    const c = await startBatch(keyB, 4.5 * MiB);
    const refusedC = await responseOf(c);
    expect(refusedC.status).toBe(503);
    expect(refusedC.headers).toMatch(/retry-after: 1/i);
    expect(JSON.parse(refusedC.body).code).toBe('batch_queue_full');
    c.destroy();
    // A small batch of that organization fits beside A, and is stored.
    const small = await fetch(`http://127.0.0.1:${port}/api/v1/chats/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-organization-api-key': keyB },
      body: JSON.stringify({ chats: [{ title: 'fits' }] }),
    });
    expect(small.status).toBe(207);
    // A's client goes away mid-body: its bytes come back, and B's request now fits.
    a.destroy();
    await untilReserved(0);
    const body = JSON.stringify({ chats: [{ title: 'after' }] });
    const again = await startBatch(keyA, Buffer.byteLength(body), body);
    const answered = await responseOf(again);
    again.destroy();
    expect(answered.status).toBe(207);
  });
});
