// Processes that tests start (servers, CLIs, python3) must not outlive the run, also when a test
// fails or its file crashes before its afterAll hooks run. Two nets:
// - in the process that started them (a Vitest worker, or a bench script), an exit hook kills the
//   children still running;
// - when that process itself dies without running its hooks (killed, out of memory), every child's
//   pid is on file in CHATLOGGER_TEST_PIDS (a directory test/helpers/children-setup.ts creates per
//   run), and the run's global teardown kills those still alive.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const running = new Map<number, ChildProcess>();
let hooked = false;

/** The pid file of `pid`; it holds the process's start time, so that the teardown never kills a reused pid. */
function pidFile(pid: number): string | undefined {
  const dir = process.env.CHATLOGGER_TEST_PIDS;
  return dir ? path.join(dir, String(pid)) : undefined;
}

/** When a live process started (Linux /proc: clock ticks since boot; kept across exec), or undefined once it is gone. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped) counts as gone: it runs nothing.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** 'exit' handlers must be synchronous: SIGKILL, no waiting for a graceful stop. */
function killRunning() {
  for (const [pid, child] of running) {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    const file = pidFile(pid);
    if (file) fs.rmSync(file, { force: true });
  }
  running.clear();
}

/** Records `child` until it exits; returns it. */
export function track<T extends ChildProcess>(child: T): T {
  const pid = child.pid;
  if (pid === undefined) return child; // failed to spawn: its 'error' event says why
  running.set(pid, child);
  const file = pidFile(pid);
  if (file) fs.writeFileSync(file, startTimeOf(pid) ?? '');
  child.once('exit', () => {
    running.delete(pid);
    if (file) fs.rmSync(file, { force: true });
  });
  if (!hooked) {
    hooked = true;
    process.once('exit', killRunning);
    // A worker ended by a signal runs no 'exit' handlers: kill the children, then die of the
    // signal as before (the handler is removed first, so the signal's default action applies).
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.once(signal, () => {
        killRunning();
        process.kill(process.pid, signal);
      });
    }
  }
  return child;
}

/** Kills the children on file in `dir` that still run (the same process: same start time); returns their pids. */
export function killLeftovers(dir: string): number[] {
  const killed: number[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const pid = Number(name);
    const recorded = fs.readFileSync(path.join(dir, name), 'utf8');
    if (isRunning(pid) && startTimeOf(pid) === recorded) {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    }
  }
  return killed;
}
