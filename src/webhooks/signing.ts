// Standard Webhooks signatures (https://www.standardwebhooks.com): webhook-id, webhook-timestamp
// and webhook-signature, made by the `standardwebhooks` package. During a secret rotation's
// overlap the previous secret signs too: "v1,<new> v1,<old>", and a receiver that knows either passes.
import crypto from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new secret: whsec_ and 24 random bytes in base64 (192 bits). */
export const newSecret = () => `whsec_${crypto.randomBytes(24).toString('base64')}`;

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The three headers of a delivery of `body` with id `msgId`, sent at `sentAt`. */
export function signatureHeaders(secrets: SigningSecrets, msgId: string, sentAt: Date, body: string): Record<string, string> {
  const signatures = [new Webhook(secrets.secret).sign(msgId, sentAt, body)];
  if (secrets.previousSecret && secrets.previousSecretExpiresAt && secrets.previousSecretExpiresAt > sentAt) {
    signatures.push(new Webhook(secrets.previousSecret).sign(msgId, sentAt, body));
  }
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
