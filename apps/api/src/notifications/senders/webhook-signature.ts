import { createHmac } from 'node:crypto';

/** X-Borgitory-Signature: "sha256=" and the hex HMAC-SHA256 of the raw body with the channel's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
