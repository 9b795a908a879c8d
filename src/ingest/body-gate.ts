// How many requests of a route are worked on at once, from the moment their body is parsed to the
// moment their response is done; the others wait, their body received but not parsed (bytes,
// outside V8's heap).
//
// The chat batch routes use it. A 1,000-chat body, parsed, checked and waiting for the database,
// is a few MB of small objects; with several batches worked on side by side, each lives long
// enough (through the young generation's collections) to be copied into V8's old space, which
// then grows by tens of MB a second until a full collection: that was the server's peak RSS.
// One at a time, a batch is garbage before it is promoted; a few more (BATCHES_AT_ONCE) let the
// next one be parsed and checked while the database writes the others. It also bounds what N
// concurrent 5 MiB bodies cost.
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';

export class BodyGate {
  private active = 0;
  private readonly waiting: { request: FastifyRequest; enter: () => void }[] = [];
  private readonly holders = new WeakSet<FastifyRequest>();
  /** Requests whose response was over before they asked to enter. */
  private readonly gone = new WeakSet<FastifyRequest>();

  constructor(readonly permits: number) {}

  /**
   * The route's preParsing hook: whatever becomes of the request (answered, failed, its client
   * gone), its permit or its place in the queue is given up when its response is over.
   */
  readonly hook = (request: FastifyRequest, reply: FastifyReply, payload: RequestPayload, done: (err: null, payload: RequestPayload) => void) => {
    reply.raw.once('close', () => this.leave(request));
    done(null, payload);
  };

  /** Called by the body parser: undefined if the request may go on now, else when it may. */
  enter(request: FastifyRequest): Promise<void> | undefined {
    if (this.gone.has(request)) return undefined;
    if (this.active < this.permits) {
      this.active++;
      this.holders.add(request);
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push({ request, enter: resolve }));
  }

  private leave(request: FastifyRequest): void {
    if (!this.holders.delete(request)) {
      const i = this.waiting.findIndex((w) => w.request === request);
      if (i >= 0) this.waiting.splice(i, 1);
      else this.gone.add(request);
      return;
    }
    const next = this.waiting.shift();
    if (next) {
      this.holders.add(next.request);
      next.enter();
    } else this.active--;
  }

  /** Requests being worked on, and waiting. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
