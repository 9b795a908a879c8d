// One organization's share of the analytics connections: at most `running` of its requests run
// at once on this server, `waiting` more wait in line (a dashboard page asks for eight charts at
// once), and any beyond those is answered 429 with Retry-After. So one tenant holds at most
// `running` of the pool's connections, whatever it sends. Per process: with several servers, each
// counts its own.
import { HttpError } from '../http/errors.js';

interface Line {
  running: number;
  waiting: (() => void)[];
}

export class OrganizationSlots {
  private readonly lines = new Map<number, Line>();

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  /** Runs `work` in one of the organization's slots, after waiting for one if need be. */
  async run<T>(organizationId: number, work: () => Promise<T>): Promise<T> {
    let line = this.lines.get(organizationId);
    if (!line) this.lines.set(organizationId, (line = { running: 0, waiting: [] }));
    if (line.running >= this.running) {
      if (line.waiting.length >= this.waiting) {
        throw new HttpError(
          429,
          'too_many_concurrent_requests',
          `Your organization already has ${this.running} analytics requests running and ${this.waiting} waiting on this server; ` +
            'wait for them to finish, then try again',
          undefined,
          { 'retry-after': '1' },
        );
      }
      await new Promise<void>((resolve) => line.waiting.push(resolve));
    } else {
      line.running++;
    }
    try {
      return await work();
    } finally {
      const next = line.waiting.shift();
      if (next) next(); // the slot passes to the next in line as it is
      else if (--line.running === 0) this.lines.delete(organizationId);
    }
  }

  /** Requests of the organization running and waiting (for tests and logs). */
  count(organizationId: number): { running: number; waiting: number } {
    const line = this.lines.get(organizationId);
    return { running: line?.running ?? 0, waiting: line?.waiting.length ?? 0 };
  }
}
