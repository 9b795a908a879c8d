import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'; // no 0/O, 1/l/I
const LENGTH = 24; // 57^24 ≈ 2^140

/**
 * A generated password for an operator to hand over: 24 characters drawn uniformly from letters
 * and digits that cannot be mistaken for one another, so it survives being read out or retyped,
 * and a double-click selects all of it.
 */
export function generatePassword(): string {
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}
