// Erasure receipts: signed with an HMAC-SHA256 under a key derived from the installation's secret
// (through the API key HMAC key, itself derived from JWT_SECRET), so that `chatlogger
// verify-receipt` on the same installation can tell a genuine receipt from an edited one. The
// erased subject appears only as an HMAC too: the receipt must not keep the id it erased.
import crypto from 'node:crypto';
import { canonicalJson } from '../ingest/idempotency.js';

const derive = (base: Buffer, info: string) => Buffer.from(crypto.hkdfSync('sha256', base, 'chatlogger', info, 32));

export const receiptKey = (apiKeyHmacKey: Buffer) => derive(apiKeyHmacKey, 'erasure-receipt');

export function subjectDigest(apiKeyHmacKey: Buffer, organizationId: number, type: string, value: string | number): string {
  return crypto.createHmac('sha256', derive(apiKeyHmacKey, 'erasure-subject')).update(`${organizationId}\n${type}\n${value}`).digest('hex');
}

export interface ErasureCounts {
  chats: number;
  messages: number;
  idempotency_answers: number;
  export_files: number;
  audit_entries_pseudonymized: number;
}

export interface Receipt {
  version: 1;
  request_id: number;
  organization_id: number;
  subject: { type: string; digest: string };
  dry_run: boolean;
  requested_by: { user_id: number | null; email: string | null };
  requested_at: string;
  completed_at: string;
  counts: ErasureCounts;
}

export function signReceipt(apiKeyHmacKey: Buffer, receipt: Receipt): string {
  return crypto.createHmac('sha256', receiptKey(apiKeyHmacKey)).update(canonicalJson(receipt)).digest('hex');
}

export function receiptSignatureValid(apiKeyHmacKey: Buffer, receipt: unknown, signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = crypto.createHmac('sha256', receiptKey(apiKeyHmacKey)).update(canonicalJson(receipt)).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
