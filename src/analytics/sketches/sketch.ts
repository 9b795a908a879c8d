// One sketch being built from chats rows (a day's cell, an hour): its chat count, HyperLogLog
// registers and response-time bins, and their stored form. Shared by build.ts and build-hours.ts.
import { addBins, type Histogram } from './histogram.js';
import { encodeRegisters, HLL_REGISTERS, mergeRegister } from './hll.js';

/** A chats row as the builders read it: its register (-1: anonymous), register value and bin. */
export interface SketchPoint {
  reg: number;
  rho: number;
  bin: number | null;
}

export class SketchAccumulator {
  chats = 0;
  private readonly registers = new Uint8Array(HLL_REGISTERS);
  private readonly bins: Histogram = new Map();

  add(point: SketchPoint): void {
    this.chats++;
    if (point.reg >= 0) mergeRegister(this.registers, point.reg, point.rho);
    if (point.bin !== null) addBins(this.bins, [point.bin], [1]);
  }

  /** The columns users, response_time_bins and response_time_counts. */
  stored(): { users: Buffer; bins: number[]; counts: number[] } {
    const sorted = [...this.bins.entries()].sort((a, b) => a[0] - b[0]);
    return { users: encodeRegisters(this.registers), bins: sorted.map(([b]) => b), counts: sorted.map(([, n]) => n) };
  }
}
