// When a failed delivery is tried again: exponential backoff with jitter, for about a day.
//
// Nominal delays 5 s, 15 s, 45 s, 2¼ min, … ×3 each time, capped at 8 h, each scaled by a random
// factor in [0.75, 1.25) so that the retries of many events failing together (a receiver that was
// down) spread out instead of arriving in waves. An event queued more than RETRY_FOR_MS ago gets no
// further attempt: about 11 attempts in all. An endpoint that has failed every attempt for
// DISABLE_AFTER_MS is disabled (and its admin told in the dashboard).
export const RETRY_FOR_MS = 24 * 3600_000;
export const DISABLE_AFTER_MS = 24 * 3600_000;
const FIRST_DELAY_MS = 5_000;
const FACTOR = 3;
const MAX_DELAY_MS = 8 * 3600_000;

/** The delay before attempt `attempt + 1`, after `attempt` (1, 2, …) failed. `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number): number {
  const nominal = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * FACTOR ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.75 + 0.5 * random));
}

/** The time of the next attempt, or null when the event has been retried long enough. */
export function nextAttemptAt(queuedAt: Date, now: Date, attempt: number, random: number): Date | null {
  const next = now.getTime() + retryDelayMs(attempt, random);
  return next - queuedAt.getTime() > RETRY_FOR_MS ? null : new Date(next);
}
