// BodyGate (src/ingest/body-gate.ts), which lets the chat batch routes work on at most a few
// bodies at once: permits, first come first served, and a permit or a place in the queue given up
// whatever becomes of the request. (No database.)
import { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { BodyGate } from '../src/ingest/body-gate.js';

/** A request as the gate sees it, and a way to end its response. */
function request(gate: BodyGate) {
  const req = {} as FastifyRequest;
  const raw = new EventEmitter();
  gate.hook(req, { raw } as unknown as FastifyReply, {} as never, () => {});
  return { req, close: () => raw.emit('close') };
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
    expect(gate.load).toEqual({ active: 2, waiting: 2 });
    b.close();
    await tick();
    expect(order).toEqual(['c']);
    a.close();
    await tick();
    expect(order).toEqual(['c', 'd']);
    expect(gate.load).toEqual({ active: 2, waiting: 0 });
    c.close();
    d.close();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
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
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
    c.close();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('takes no permit for a request whose response was over before it asked', () => {
    const gate = new BodyGate(1);
    const a = request(gate);
    a.close();
    expect(gate.enter(a.req)).toBeUndefined();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });
});
