// The pause between polls of a background worker (exports, webhook deliveries): a timer that a
// wake() ends early. A wake() while the worker is busy is remembered, so it looks again before
// sleeping instead of missing the work that woke it.
export class WakeableSleep {
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;

  /** Ends the current sleep, or the next one before it starts. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wakeRequested = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      timer.unref(); // never what keeps the process alive
      this.wakeUp = finish;
    });
  }
}
