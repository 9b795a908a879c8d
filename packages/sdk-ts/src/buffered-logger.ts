// The buffered logger: log() returns at once; chats are sent in the background through
// POST /api/v1/chats/batch, when maxBatchSize are waiting or flushIntervalMs after the first one.
// Each batch gets one Idempotency-Key, kept for all its retries, so a batch whose answer was lost
// is replayed by the server, never stored twice. One batch is in flight at a time (order kept).
import { apiErrorOf, ChatLoggerError } from './errors.js';
import { newIdempotencyKey, retryDelay, type Transport } from './transport.js';
import { intOption, onProcessExit, unref, utf8Length } from './util.js';
import type { BatchItemResult, CreateChatInput } from './types.js';

export interface BufferedLoggerOptions {
  /** Chats per batch request, 1–1000 (default 500). */
  maxBatchSize?: number;
  /** Send what is waiting this long after the first chat was logged (default 1,000 ms). */
  flushIntervalMs?: number;
  /** Chats kept waiting while the server cannot be reached; past it the oldest are dropped, with a warning (default 10,000). */
  maxBufferedChats?: number;
  /** Bytes of JSON per batch request (default 4 MiB; the server takes 5 MiB). */
  maxBatchBytes?: number;
  /** How long close() keeps retrying before it drops what is left, with a warning (default 10,000 ms). */
  closeTimeoutMs?: number;
  /** A chat the server will never store: a 400 for that item (error.field names the field), or a request refused as a whole (401, 403...). */
  onItemError?: (error: ChatLoggerError, chat: CreateChatInput) => void;
  /** Dropped chats and other warnings (default console.warn). */
  onWarning?: (message: string) => void;
  /** Node: send what is waiting when the process is about to exit on its own (beforeExit) (default true). */
  flushOnExit?: boolean;
}

export interface BufferedLoggerStats {
  /** Waiting to be sent. */
  buffered: number;
  /** In the request being sent now. */
  inFlight: number;
  /** Stored (answered 201 in a batch). */
  sent: number;
  /** Refused by the server (reported to onItemError). */
  rejected: number;
  /** Dropped unsent: the buffer was full, or close() timed out. */
  dropped: number;
}

interface Item {
  json: string;
  bytes: number;
}

const DROP_WARNING_EVERY_MS = 10_000;

export class BufferedLogger {
  private readonly maxBatchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private readonly maxBatchBytes: number;
  private readonly closeTimeoutMs: number;
  private readonly onItemError?: (error: ChatLoggerError, chat: CreateChatInput) => void;
  private readonly onWarning: (message: string) => void;

  // The buffer: items[head..] wait, oldest first (a head index, so that dropping the oldest is O(1)).
  private items: Item[] = [];
  private head = 0;
  private added = 0; // chats ever logged
  private removed = 0; // chats ever taken into a batch or dropped from the buffer
  private flushTarget = 0; // flush(): keep sending until `removed` reaches this
  private inFlight = 0;
  private counts = { sent: 0, rejected: 0, dropped: 0 };
  private droppedUnwarned = 0;
  private lastDropWarning = -Infinity;

  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private wakeWait?: () => void;
  private closing?: { deadline: number };
  private closed?: Promise<BufferedLoggerStats>;
  private readonly removeExitHooks?: () => void;

  constructor(private readonly transport: Transport, options: BufferedLoggerOptions = {}) {
    this.maxBatchSize = intOption('maxBatchSize', options.maxBatchSize, 500, 1, 1000);
    this.flushIntervalMs = intOption('flushIntervalMs', options.flushIntervalMs, 1000, 0, 3_600_000);
    this.maxBuffered = intOption('maxBufferedChats', options.maxBufferedChats, 10_000, 1, 100_000_000);
    this.maxBatchBytes = intOption('maxBatchBytes', options.maxBatchBytes, 4 * 1024 * 1024, 1024, 5 * 1024 * 1024 - 64);
    this.closeTimeoutMs = intOption('closeTimeoutMs', options.closeTimeoutMs, 10_000, 0, 3_600_000);
    this.onItemError = options.onItemError;
    this.onWarning = options.onWarning ?? ((message) => console.warn(message));

    if (options.flushOnExit !== false) {
      this.removeExitHooks = onProcessExit({
        // The event loop is empty (our own timers do not hold it): send what waits, then exit.
        beforeExit: () => {
          if (this.pending() > 0) void this.close();
        },
        // process.exit() or a signal: nothing asynchronous can run any more; say what is lost.
        exit: () => {
          const lost = this.pending();
          if (lost > 0) this.warn(`chatlogger: the process exits with ${lost} chat(s) not sent; call await logger.close() before exiting`);
        },
      });
    }
  }

  /** Queues a chat (serialized now: later changes to the object are not sent). Throws once the logger is closed. */
  log(chat: CreateChatInput): void {
    if (this.closing) throw new ChatLoggerError('This logger is closed', { code: 'logger_closed' });
    const json = JSON.stringify(chat ?? {});
    const bytes = utf8Length(json);
    if (bytes > this.maxBatchBytes) {
      this.counts.rejected++;
      this.report(new ChatLoggerError(`The chat is ${bytes} bytes of JSON, more than a batch may hold (${this.maxBatchBytes})`, { code: 'payload_too_large' }), json);
      return;
    }
    if (this.buffered() >= this.maxBuffered) this.dropOldest();
    this.items.push({ json, bytes });
    this.added++;
    if (this.buffered() >= this.maxBatchSize) void this.kick();
    else this.schedule();
  }

  /** Sends everything logged so far; resolves once it was answered (stored, rejected) or dropped. */
  async flush(): Promise<void> {
    const target = this.added;
    this.flushTarget = Math.max(this.flushTarget, target);
    while (this.removed < target) await this.kick();
    if (this.running) await this.running;
  }

  /**
   * Sends everything waiting, retrying for up to closeTimeoutMs (then drops the rest, with a
   * warning), and stops the logger. Safe to call more than once.
   */
  close(): Promise<BufferedLoggerStats> {
    if (!this.closing) {
      this.removeExitHooks?.();
      this.closing = { deadline: Date.now() + this.closeTimeoutMs };
      this.wakeWait?.(); // a retry waiting (unref'd) now waits on the deadline, holding the process
      this.closed = this.flush().then(() => this.stats());
    }
    return this.closed!;
  }

  stats(): BufferedLoggerStats {
    return { buffered: this.buffered(), inFlight: this.inFlight, ...this.counts };
  }

  private buffered(): number {
    return this.items.length - this.head;
  }

  private pending(): number {
    return this.buffered() + this.inFlight;
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.kick();
    }, this.flushIntervalMs);
    unref(this.timer);
  }

  private kick(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.buffered() > 0 && !this.closing) this.schedule();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    let first = true;
    while (this.buffered() > 0 && (first || this.buffered() >= this.maxBatchSize || this.removed < this.flushTarget)) {
      first = false;
      if (this.pastDeadline()) {
        this.dropAll(this.take(this.buffered()), 'close() timed out');
        continue;
      }
      const batch = this.take(this.maxBatchSize);
      this.inFlight = batch.length;
      try {
        await this.deliver(batch);
      } catch (err) {
        // Never reject: log() does not wait for this promise, and a rejection would end a Node process.
        this.dropAll(batch, `unexpected error: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        this.inFlight = 0;
      }
    }
  }

  /** Up to `max` of the oldest items, within maxBatchBytes (always at least one). */
  private take(max: number): Item[] {
    let end = this.head;
    let bytes = 0;
    while (end < this.items.length && end - this.head < max && (end === this.head || bytes + this.items[end].bytes + 1 <= this.maxBatchBytes - 16)) {
      bytes += this.items[end].bytes + 1;
      end++;
    }
    const batch = this.items.slice(this.head, end);
    this.advance(end - this.head);
    return batch;
  }

  private advance(n: number): void {
    this.head += n;
    this.removed += n;
    // Compact now and then, so the array does not keep every item ever logged.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  private async deliver(batch: Item[]): Promise<void> {
    const body = `{"chats":[${batch.map((item) => item.json).join(',')}]}`;
    const key = newIdempotencyKey();
    for (let retry = 0; ; retry++) {
      const outcome = await this.transport.attempt('POST', '/api/v1/chats/batch', body, key);
      if (outcome.ok) return this.settle(batch, outcome.body);
      if (!outcome.retryable) {
        this.counts.rejected += batch.length;
        for (const item of batch) this.report(outcome.error, item.json);
        return;
      }
      if (this.pastDeadline()) return this.dropAll(batch, `close() timed out: ${outcome.error.message}`);
      await this.wait(retryDelay(this.transport.options.retry, retry, outcome.retryAfterMs));
    }
  }

  private settle(batch: Item[], body: unknown): void {
    const results = (body as { results?: BatchItemResult[] } | undefined)?.results;
    if (!Array.isArray(results) || results.length !== batch.length) {
      this.counts.rejected += batch.length;
      const error = new ChatLoggerError('The batch answer did not have one result per chat', { code: 'unexpected_answer' });
      for (const item of batch) this.report(error, item.json);
      return;
    }
    results.forEach((result, i) => {
      if (result.status === 201) this.counts.sent++;
      else {
        this.counts.rejected++;
        this.report(apiErrorOf(result.status, result), batch[i].json);
      }
    });
  }

  private report(error: ChatLoggerError, json: string): void {
    if (!this.onItemError) {
      this.warn(`chatlogger: a chat was not stored: ${error.message}${error.field ? ` (${error.field})` : ''}`);
      return;
    }
    try {
      this.onItemError(error, JSON.parse(json) as CreateChatInput);
    } catch (err) {
      this.warn(`chatlogger: onItemError threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private dropOldest(): void {
    this.advance(1);
    this.counts.dropped++;
    this.droppedUnwarned++;
    const now = Date.now();
    if (now - this.lastDropWarning >= DROP_WARNING_EVERY_MS) {
      this.lastDropWarning = now;
      this.warn(
        `chatlogger: ${this.maxBuffered} chats are waiting for the server; dropped the oldest ${this.droppedUnwarned} ` +
          `(${this.counts.dropped} dropped since the logger started)`,
      );
      this.droppedUnwarned = 0;
    }
  }

  private dropAll(batch: Item[], reason: string): void {
    this.counts.dropped += batch.length;
    this.warn(`chatlogger: dropped ${batch.length} chat(s) not sent (${reason}); ${this.counts.dropped} dropped since the logger started`);
  }

  private pastDeadline(): boolean {
    return this.closing !== undefined && Date.now() >= this.closing.deadline;
  }

  /** Sleeps before a retry: unref'd (it does not keep the process alive) until close() is called. */
  private wait(ms: number): Promise<void> {
    const limit = this.closing ? Math.max(0, this.closing.deadline - Date.now()) : ms;
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.min(ms, limit));
      if (!this.closing) unref(timer);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeWait = undefined;
        resolve();
      }
      this.wakeWait = done;
    });
  }

  private warn(message: string): void {
    try {
      this.onWarning(message);
    } catch {
      // a warning must never break logging
    }
  }
}
