import type { ChannelWithSecrets } from '../channels/notification-channels.service';
import type { NotificationDeliveryEntity } from '../deliveries/notification-delivery.entity';

export interface SendOutcome {
  ok: boolean;
  /** What a webhook receiver answered. */
  httpStatus: number | null;
  /** Why it failed, in words, with no secret in it; null when it worked. */
  reason: string | null;
}

/** Sends one delivery through one kind of channel. Resolves with the outcome; rejects only when aborted. */
export interface ChannelSender {
  send(target: ChannelWithSecrets, delivery: NotificationDeliveryEntity, signal: AbortSignal): Promise<SendOutcome>;
}
