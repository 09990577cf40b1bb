import { Injectable } from '@nestjs/common';
import { AppriseRunner } from '@borgitory/apprise-runner';
import type { ChannelWithSecrets } from '../channels/notification-channels.service';
import type { NotificationDeliveryEntity } from '../deliveries/notification-delivery.entity';
import { DEFAULT_BODY, DEFAULT_TITLE, renderTemplate, severityOf } from '../messages/message-template';
import { ChannelSender, SendOutcome } from './channel-sender';

/** Sends through Apprise: the channel's URL (with its tokens) never on argv, the message from its templates. */
@Injectable()
export class AppriseSender implements ChannelSender {
  constructor(private readonly apprise: AppriseRunner) {}

  async send({ channel, secrets }: ChannelWithSecrets, delivery: NotificationDeliveryEntity, signal: AbortSignal): Promise<SendOutcome> {
    const event = { ...delivery.payload, event: delivery.event };
    const message = {
      title: renderTemplate(channel.titleTemplate ?? DEFAULT_TITLE, event),
      body: renderTemplate(channel.bodyTemplate ?? DEFAULT_BODY, event),
      type: severityOf(delivery.event),
    };
    const outcome = await this.apprise.send(secrets['url'], message, { signal });
    return outcome.ok ? { ok: true, httpStatus: null, reason: null } : { ok: false, httpStatus: null, reason: outcome.reason };
  }
}
