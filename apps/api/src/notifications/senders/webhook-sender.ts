import { Injectable } from '@nestjs/common';
import type { ChannelWithSecrets } from '../channels/notification-channels.service';
import type { NotificationDeliveryEntity } from '../deliveries/notification-delivery.entity';
import { ChannelSender, SendOutcome } from './channel-sender';
import { webhookSignature } from './webhook-signature';

const TIMEOUT_MS = 15_000;

/** POSTs the event as JSON, signed with the channel's secret. Redirects are not followed: a 3xx is a failure. */
@Injectable()
export class WebhookSender implements ChannelSender {
  async send({ channel, secrets }: ChannelWithSecrets, delivery: NotificationDeliveryEntity, signal: AbortSignal): Promise<SendOutcome> {
    const { payload } = delivery;
    const body = JSON.stringify({ id: delivery.uuid, event: delivery.event, occurred_at: payload.occurred_at, data: payload.data });
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    try {
      const response = await fetch(channel.settings['url'], {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.any([signal, timeout]),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Borgitory-Webhook/1',
          'x-borgitory-event': delivery.event,
          'x-borgitory-delivery': delivery.uuid,
          'x-borgitory-signature': webhookSignature(secrets['secret'], body),
        },
        body,
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, httpStatus: response.status, reason: null };
      return { ok: false, httpStatus: response.status, reason: `The receiver answered HTTP ${response.status}` };
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) return { ok: false, httpStatus: null, reason: `No answer within ${TIMEOUT_MS / 1000} s` };
      return { ok: false, httpStatus: null, reason: networkReason(error) };
    }
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'The connection was refused',
  ECONNRESET: 'The connection was reset',
  ENOTFOUND: 'The host name could not be resolved',
  EAI_AGAIN: 'The host name could not be resolved',
  EHOSTUNREACH: 'The host is unreachable',
  ENETUNREACH: 'The network is unreachable',
  ETIMEDOUT: 'The connection timed out',
  CERT_HAS_EXPIRED: 'The receiver’s TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The receiver’s TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The receiver’s TLS certificate could not be verified',
};

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const code = cause?.code;
  if (code) return `${NETWORK_CODES[code] ?? 'The request failed'} (${code})`;
  return 'The request failed';
}
