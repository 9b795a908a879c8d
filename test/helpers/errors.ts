import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Checks the status and the error model: a JSON object whose values are all strings, with an `error` sentence. */
export function expectError(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(typeof body).toBe('object');
  expect(body).not.toBeNull();
  expect(Array.isArray(body)).toBe(false);
  for (const value of Object.values(body)) expect(typeof value).toBe('string');
  expect(typeof body.error).toBe('string');
  expect(body.error.trim().length).toBeGreaterThan(0);
  return body as { error: string; code?: string; field?: string };
}
