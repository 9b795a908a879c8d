// Small helpers of the buffered logger that work the same on Node, in browsers and on edge runtimes.
import { ChatLoggerError } from './errors.js';

interface NodeLikeProcess {
  on?: (event: string, listener: () => void) => unknown;
  removeListener?: (event: string, listener: () => void) => unknown;
}

/**
 * On Node (anything with process.on), listens to beforeExit and exit; elsewhere does nothing.
 * Returns what removes the listeners.
 */
export function onProcessExit(hooks: { beforeExit: () => void; exit: () => void }): (() => void) | undefined {
  const proc = (globalThis as { process?: NodeLikeProcess }).process;
  if (typeof proc?.on !== 'function') return undefined;
  proc.on('beforeExit', hooks.beforeExit);
  proc.on('exit', hooks.exit);
  return () => {
    proc.removeListener?.('beforeExit', hooks.beforeExit);
    proc.removeListener?.('exit', hooks.exit);
  };
}

/** Lets the process exit while the timer is pending (Node); a no-op where timers are numbers. */
export function unref(timer: unknown): void {
  (timer as { unref?: () => void }).unref?.();
}

export function intOption(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ChatLoggerError(`${name} must be an integer from ${min} to ${max}`, { code: 'invalid_options', field: name });
  }
  return value;
}

/** Bytes of `s` in UTF-8 (what the server's body limit counts). */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
