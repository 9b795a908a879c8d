// The days works-council figures are checked against (and the only days they can be asked for).
export const WINDOW_DAYS = 800;

/** The last WINDOW_DAYS UTC days up to and including today's, as day numbers [from, to). */
export function windowAt(now: Date): { from: number; to: number } {
  const to = Math.floor(now.getTime() / 86_400_000) + 1;
  return { from: to - WINDOW_DAYS, to };
}
