// BodyGate (src/ingest/body-gate.ts), which lets the chat batch routes work on at most a few
// bodies at once: permits, first come first served, and a permit or a place in the queue given up
// whatever becomes of the request. (No database.)
import { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { BodyGate } from '../src/ingest/body-gate.js';

/** A request as the gate sees it (of `length` bytes, from an organization), and a way to end its response. */
function request(gate: BodyGate, length?: number, organizationId = 1) {
  const headers = length === undefined ? {} : { 'content-length': String(length) };
  const req = { headers, principal: { organizationId } } as unknown as FastifyRequest;
  const raw = new EventEmitter();
  let refusal: (Error & { statusCode?: number }) | null = null;
  gate.hook(req, { raw } as unknown as FastifyReply, {} as never, (err) => (refusal = err));
  return { req, close: () => raw.emit('close'), refusal: () => refusal };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('BodyGate', () => {
  it('lets `permits` requests in at once and the others in arrival order as responses end', async () => {
    const gate = new BodyGate(2);
    const [a, b, c, d] = [request(gate), request(gate), request(gate), request(gate)];
    expect(gate.enter(a.req)).toBeUndefined();
    expect(gate.enter(b.req)).toBeUndefined();
    const order: string[] = [];
    void gate.enter(c.req)!.then(() => order.push('c'));
    void gate.enter(d.req)!.then(() => order.push('d'));
    expect(gate.load).toEqual({ active: 2, waiting: 2, bytes: 0 });
    b.close();
    await tick();
    expect(order).toEqual(['c']);
    a.close();
    await tick();
    expect(order).toEqual(['c', 'd']);
    expect(gate.load).toEqual({ active: 2, waiting: 0, bytes: 0 });
    c.close();
    d.close();
    expect(gate.load).toEqual({ active: 0, waiting: 0, bytes: 0 });
  });

  it('gives up the place of a request whose client left while it waited, and a permit only once', async () => {
    const gate = new BodyGate(1);
    const [a, b, c] = [request(gate), request(gate), request(gate)];
    gate.enter(a.req);
    let bIn = false;
    void gate.enter(b.req)!.then(() => (bIn = true));
    const cIn = gate.enter(c.req)!;
    b.close(); // gone while waiting
    a.close();
    a.close(); // 'close' twice must not free two permits
    await cIn;
    expect(bIn).toBe(false);
    expect(gate.load).toEqual({ active: 1, waiting: 0, bytes: 0 });
    c.close();
    expect(gate.load).toEqual({ active: 0, waiting: 0, bytes: 0 });
  });

  it('takes no permit for a request whose response was over before it asked', () => {
    const gate = new BodyGate(1);
    const a = request(gate);
    a.close();
    expect(gate.enter(a.req)).toBeUndefined();
    expect(gate.load).toEqual({ active: 0, waiting: 0, bytes: 0 });
  });

  it('reserves each body\'s Content-Length before it is read, and refuses past the server\'s bytes (503) or one organization\'s (429)', () => {
    const gate = new BodyGate(1, { maxBytes: 100, maxBytesPerOrganization: 60 }, 50);
    const a = request(gate, 40, 1);
    const b = request(gate, 20, 1);
    expect([a.refusal(), b.refusal()]).toEqual([null, null]);
    expect(gate.load.bytes).toBe(60);
    expect(gate.bytesOfOrganization(1)).toBe(60);
    // Organization 1 has its share: refused with 429 and Retry-After, whatever the server has left.
    const c = request(gate, 1, 1);
    expect(c.refusal()).toMatchObject({ statusCode: 429, code: 'batch_queue_full', headers: { 'retry-after': '1' } });
    // Another organization has room up to the server's budget, then 503.
    const d = request(gate, 40, 2);
    expect(d.refusal()).toBeNull();
    const e = request(gate, 1, 3);
    expect(e.refusal()).toMatchObject({ statusCode: 503, code: 'batch_queue_full', headers: { 'retry-after': '1' } });
    expect(e.refusal()!.message).toMatch(/^The server is holding as many batch bodies as it may \(0 MiB\); retry in 1 s$/);
    expect(gate.load.bytes).toBe(100);
    // Refused requests reserved nothing; a response that ends gives its bytes back, once.
    c.close();
    e.close();
    a.close();
    a.close();
    expect(gate.load.bytes).toBe(60);
    expect(gate.bytesOfOrganization(1)).toBe(20);
    expect(request(gate, 40, 1).refusal()).toBeNull();
  });

  it('counts a body of unknown length (chunked) as the route\'s body limit, and leaves an over-limit one to the parser (413)', () => {
    const gate = new BodyGate(1, { maxBytes: 100, maxBytesPerOrganization: 100 }, 50);
    request(gate, undefined, 1);
    expect(gate.load.bytes).toBe(50);
    expect(request(gate, 51, 1).refusal()).toBeNull();
    expect(gate.load.bytes).toBe(50);
  });
});
