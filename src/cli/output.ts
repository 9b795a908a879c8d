export function out(text = ''): void {
  process.stdout.write(`${text}\n`);
}
export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
