import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { NotificationChannelEntity } from './channels/notification-channel.entity';
import { NotificationChannelsService } from './channels/notification-channels.service';
import { DeliveryRetention } from './deliveries/delivery-retention';
import { DeliveryStore } from './deliveries/delivery-store';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { NotificationAttemptEntity } from './deliveries/notification-attempt.entity';
import { NotificationDeliveryEntity } from './deliveries/notification-delivery.entity';
import { NotificationDispatcher } from './deliveries/notification-dispatcher';
import { JobAlerts } from './job-events/job-alerts';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { AppriseSender } from './senders/apprise-sender';
import { WebhookSender } from './senders/webhook-sender';

/** Channels (Apprise, signed webhooks) that get the events Borgitory publishes, stored deliveries with retries, and their log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationChannelEntity, NotificationDeliveryEntity, NotificationAttemptEntity]),
    JobsModule,
    RepositoriesModule,
  ],
  controllers: [NotificationsController],
  providers: [
    NotificationChannelsService,
    NotificationsService,
    DeliveryStore,
    DeliveryWorker,
    DeliveryRetention,
    NotificationDispatcher,
    JobAlerts,
    AppriseSender,
    WebhookSender,
  ],
})
export class NotificationsModule {}
