// One HTTP POST of a delivery: no redirects followed (a 3xx is a failure), cut at the time-out
// (10 s by default, connection to last byte), only the first KiB of the answer kept, and never to
// an address we may not send to (checked on the connection's own DNS answer: see url-safety.ts).
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { isPublicAddress, safeLookup, UnsafeAddressError } from './url-safety.js';

export interface SendResult {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

const KEEP_BYTES = 1024;

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/** A sentence for the delivery log: never a stack, never an internal message. */
function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof UnsafeAddressError) return err.message;
  const code = (err as { code?: string })?.code;
  if (code === 'TIMEOUT') return `No complete answer within ${timeoutMs / 1000} s`;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name could not be resolved';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'The connection was closed by the receiver';
  if (typeof code === 'string' && code.startsWith('ERR_TLS') || code === 'CERT_HAS_EXPIRED' || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return 'The TLS certificate was not accepted';
  }
  return 'The request failed';
}

export function send(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // An address literal skips DNS (and so the lookup check): check it here.
    if (ipaddr.isValid(host) && !options.allowPrivate && !isPublicAddress(host)) {
      resolve(done({ status: null, body: null, error: `${host} is a private, loopback or link-local address, which webhooks may not be sent to` }));
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const request = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ChatLogger-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
      lookup: safeLookup(options.allowPrivate),
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ status: null, body: null, error: describe({ code: 'TIMEOUT' }, options.timeoutMs) });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (err) => finish({ status: null, body: null, error: describe(err, options.timeoutMs) }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        if (kept < KEEP_BYTES) {
          chunks.push(chunk.subarray(0, KEEP_BYTES - kept));
          kept += Math.min(chunk.length, KEEP_BYTES - kept);
        }
      });
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8').replace(/\u0000/g, '');
        const error = status >= 200 && status < 300 ? null : status >= 300 && status < 400 ? `Redirect (${status}) not followed` : `The receiver answered ${status}`;
        finish({ status, body: text, error });
      });
      response.on('error', (err) => finish({ status: response.statusCode ?? null, body: null, error: describe(err, options.timeoutMs) }));
    });
    request.end(body);
  });
}
