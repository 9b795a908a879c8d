// When the summary estimates instead of counting, and how the sketches behind it are kept.
export interface SketchOptions {
  /** Days with fewer chats get no sketches (SKETCH_MIN_DAY_CHATS): counting them exactly is cheap. */
  minDayChats: number;
  /**
   * The summary counts distinct end users and percentiles exactly unless the sketched days of its
   * range hold at least this many chats, matching its filters or not: an exact count reads them all
   * (ANALYTICS_EXACT_MAX_CHATS).
   */
  exactMaxChats: number;
  /** How often the builder looks for days to (re)build (SKETCH_BUILD_INTERVAL_MS). */
  intervalMs: number;
  /**
   * A day rebuilt less than this long ago waits (a steady trickle of updates to last week's chats
   * would otherwise rebuild those days every look); it is read from the chats rows meanwhile.
   */
  rebuildAfterMs: number;
}

export const DEFAULT_SKETCH_OPTIONS: SketchOptions = { minDayChats: 1_000, exactMaxChats: 50_000, intervalMs: 10_000, rebuildAfterMs: 300_000 };
