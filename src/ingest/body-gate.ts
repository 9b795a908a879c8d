// How many requests of a route are worked on at once, from the moment their body is parsed to the
// moment their response is done; the others wait, their body received but not parsed (bytes,
// outside V8's heap).
//
// The chat batch routes use it. A 1,000-chat body, parsed, checked and waiting for the database,
// is a few MB of small objects; with several batches worked on side by side, each lives long
// enough (through the young generation's collections) to be copied into V8's old space, which
// then grows by tens of MB a second until a full collection: that was the server's peak RSS.
// One at a time, a batch is garbage before it is promoted; a few more (BATCHES_AT_ONCE) let the
// next one be parsed and checked while the database writes the others.
//
// What waits is bounded too, in bytes, before a byte of the body is read: a request reserves its
// Content-Length (or the route's body limit when it sends none) as it arrives, and gives it back
// when its response is over. Past the server's budget it is answered 503 with Retry-After; past
// one organization's share, 429 (so that one tenant's flood leaves room for the others).
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { HttpError } from '../http/errors.js';

export interface BodyQueueLimits {
  /** Bytes of batch bodies the server holds at once: being received, waiting and worked on. */
  maxBytes: number;
  /** The same, for the bodies of one organization. */
  maxBytesPerOrganization: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_BODY_QUEUE_LIMITS: BodyQueueLimits = { maxBytes: 48 * MiB, maxBytesPerOrganization: 24 * MiB };

const RETRY_AFTER_SECONDS = 1;

export class BodyGate {
  private active = 0;
  private readonly waiting: { request: FastifyRequest; enter: () => void }[] = [];
  private readonly holders = new WeakSet<FastifyRequest>();
  /** Requests whose response was over before they asked to enter. */
  private readonly gone = new WeakSet<FastifyRequest>();

  private bytes = 0;
  private readonly bytesOf = new Map<number, number>();
  private readonly reserved = new WeakMap<FastifyRequest, { organizationId: number; bytes: number }>();

  constructor(
    readonly permits: number,
    private readonly limits: BodyQueueLimits = DEFAULT_BODY_QUEUE_LIMITS,
    /** The route's body limit: what a body of unknown length may grow to. */
    private readonly bodyLimit = Infinity,
  ) {}

  /**
   * The route's preParsing hook (after authentication, before the body is read): reserves the
   * body's bytes or refuses the request. Whatever becomes of the request (answered, failed, its
   * client gone), its bytes, its permit or its place in the queue are given up when its response
   * is over.
   */
  readonly hook = (request: FastifyRequest, reply: FastifyReply, payload: RequestPayload, done: (err: Error | null, payload?: RequestPayload) => void) => {
    reply.raw.once('close', () => this.leave(request));
    const refusal = this.reserve(request);
    if (refusal) done(refusal);
    else done(null, payload);
  };

  private reserve(request: FastifyRequest): HttpError | undefined {
    const declared = Number(request.headers['content-length']);
    // A declared length over the limit is refused by the body parser (413) before it reads a byte.
    if (declared > this.bodyLimit) return undefined;
    const bytes = Number.isFinite(declared) && declared >= 0 ? declared : this.bodyLimit;
    const organizationId = request.principal?.organizationId ?? 0;
    const ours = this.bytesOf.get(organizationId) ?? 0;
    const mib = (n: number) => `${Math.round(n / MiB)} MiB`;
    if (ours + bytes > this.limits.maxBytesPerOrganization) {
      return new HttpError(
        429,
        'batch_queue_full',
        `Your organization already has ${mib(ours)} of batch bodies waiting on this server (at most ${mib(this.limits.maxBytesPerOrganization)}); retry in ${RETRY_AFTER_SECONDS} s`,
        undefined,
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    }
    if (this.bytes + bytes > this.limits.maxBytes) {
      return new HttpError(
        503,
        'batch_queue_full',
        `The server is holding as many batch bodies as it may (${mib(this.limits.maxBytes)}); retry in ${RETRY_AFTER_SECONDS} s`,
        undefined,
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    }
    this.bytes += bytes;
    this.bytesOf.set(organizationId, ours + bytes);
    this.reserved.set(request, { organizationId, bytes });
    return undefined;
  }

  private release(request: FastifyRequest): void {
    const reservation = this.reserved.get(request);
    if (!reservation) return;
    this.reserved.delete(request);
    this.bytes -= reservation.bytes;
    const left = (this.bytesOf.get(reservation.organizationId) ?? 0) - reservation.bytes;
    if (left > 0) this.bytesOf.set(reservation.organizationId, left);
    else this.bytesOf.delete(reservation.organizationId);
  }

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
    this.release(request);
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

  /** Requests being worked on, and waiting; bytes reserved. */
  get load(): { active: number; waiting: number; bytes: number } {
    return { active: this.active, waiting: this.waiting.length, bytes: this.bytes };
  }

  /** Bytes reserved by one organization's requests. */
  bytesOfOrganization(organizationId: number): number {
    return this.bytesOf.get(organizationId) ?? 0;
  }
}
