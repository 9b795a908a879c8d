// A CSV text cell that a spreadsheet cannot run: shared by every CSV the service writes (exports,
// the audit log's export).

// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell, defused against formula injection by a leading single quote. Only text columns go
 * through this: numbers, booleans and timestamps come from typed database columns and are written
 * as they are (a real negative number is never prefixed).
 */
export function textCell(value: string | null): string {
  if (value === null) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
