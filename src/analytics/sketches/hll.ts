// HyperLogLog registers for distinct end users. The registers are computed in SQL from
// hashint8extended(user_id, 0) (registerSql), stored per day and merged here; the estimate is
// Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
// 2017), which needs no empirical bias tables and is unbiased from a handful of users to billions.
// No npm package takes registers computed elsewhere: what is here is the merge (a max per
// register) and the ~20 lines of the estimator.
/** 2^13 registers: standard error 1.04 / sqrt(8192) = 1.15%. */
export const HLL_PRECISION = 13;
export const HLL_REGISTERS = 1 << HLL_PRECISION;
/** Hash bits left after the register index: register values run from 0 (empty) to Q + 1. */
const Q = 64 - HLL_PRECISION;
export const HLL_STANDARD_ERROR = 1.04 / Math.sqrt(HLL_REGISTERS);

/**
 * The register (reg) and its candidate value (rho: leading zeros of the remaining 51 bits, plus
 * one) of a chats row's user_id; NULL for anonymous chats. The same SQL builds the stored sketches
 * and the registers of the rows a read takes from the chats table, so they merge.
 */
export function registerSql(userId: string): { reg: string; rho: string } {
  const hash = `hashint8extended(${userId}, 0)`;
  const rest = `((${hash} >> ${HLL_PRECISION}) & ${2 ** Q - 1}::bigint)::bit(${Q})`;
  return {
    reg: `(${hash} & ${HLL_REGISTERS - 1})::int`,
    rho: `coalesce(nullif(position(B'1' IN ${rest}), 0), ${Q + 1})`,
  };
}

// Stored form: a dense array of HLL_REGISTERS bytes, or (when fewer bytes) a sparse list of
// (register: uint16 big-endian, value: uint8) triples after a 0x01 marker byte.
const SPARSE = 0x01;

/** The stored form of a set of registers: sparse when that is smaller. */
export function encodeRegisters(registers: Uint8Array): Buffer {
  let used = 0;
  for (const r of registers) if (r > 0) used++;
  if (1 + used * 3 >= HLL_REGISTERS) return Buffer.from(registers);
  const out = Buffer.alloc(1 + used * 3);
  out[0] = SPARSE;
  let at = 1;
  registers.forEach((value, reg) => {
    if (value === 0) return;
    out.writeUInt16BE(reg, at);
    out[at + 2] = value;
    at += 3;
  });
  return out;
}

/** Merges stored registers into `into` (the union of the two sets of users). */
export function mergeEncoded(into: Uint8Array, stored: Buffer): void {
  if (stored.length === HLL_REGISTERS) {
    for (let i = 0; i < HLL_REGISTERS; i++) if (stored[i] > into[i]) into[i] = stored[i];
    return;
  }
  for (let at = 1; at + 2 < stored.length; at += 3) mergeRegister(into, stored.readUInt16BE(at), stored[at + 2]);
}

export function mergeRegister(into: Uint8Array, reg: number, rho: number): void {
  if (rho > into[reg]) into[reg] = rho;
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const before = z;
    z += x * y;
    y += y;
    if (z === before) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const before = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === before) return z / 3;
  }
}

/** The estimated number of distinct users whose registers these are. */
export function estimateDistinct(registers: Uint8Array): number {
  const m = HLL_REGISTERS;
  const counts = new Array<number>(Q + 2).fill(0);
  for (const r of registers) counts[r]++;
  if (counts[0] === m) return 0;
  let z = m * tau(1 - counts[Q + 1] / m);
  for (let k = Q; k >= 1; k--) z = 0.5 * (z + counts[k]);
  z += m * sigma(counts[0] / m);
  return Math.round(m * m / (2 * Math.LN2) / z);
}
