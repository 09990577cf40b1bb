import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_NAMES, EventName } from '../../platform/events/event-names';

export class NotificationEventDto {
  @ApiProperty({ enum: EVENT_NAMES, enumName: 'EventName' })
  name!: EventName;

  @ApiProperty({ example: 'A backup failed' })
  description!: string;
}

export class TemplatePlaceholderDto {
  @ApiProperty({ example: 'repository' })
  name!: string;

  @ApiProperty({ example: 'The repository’s name' })
  description!: string;
}

export class NotificationCatalogDto {
  @ApiProperty({ type: [NotificationEventDto] })
  events!: NotificationEventDto[];

  @ApiProperty({ type: [TemplatePlaceholderDto], description: 'What a template may use, written {name}' })
  placeholders!: TemplatePlaceholderDto[];

  @ApiProperty({ example: '{title}: {repository}', description: 'The title used when a channel has none' })
  default_title!: string;

  @ApiProperty({ example: '{summary}\n{error}\n{job_url}', description: 'The body used when a channel has none' })
  default_body!: string;
}

export class NotificationServiceFieldOptionDto {
  @ApiProperty({ example: 'ntfys' })
  value!: string;

  @ApiProperty({ example: 'HTTPS' })
  label!: string;
}

export class NotificationServiceFieldDto {
  @ApiProperty({ example: 'webhook_id' })
  name!: string;

  @ApiProperty({ example: 'Webhook ID' })
  label!: string;

  @ApiProperty({ enum: ['string', 'integer', 'password', 'select'], enumName: 'NotificationServiceFieldType' })
  type!: 'string' | 'integer' | 'password' | 'select';

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: String, nullable: true })
  default!: string | null;

  @ApiProperty({ example: 'The number in the webhook address, after /webhooks/' })
  help!: string;

  @ApiPropertyOptional({ type: [NotificationServiceFieldOptionDto], description: 'For select' })
  options?: NotificationServiceFieldOptionDto[];
}

export class NotificationServiceDto {
  @ApiProperty({ example: 'discord' })
  name!: string;

  @ApiProperty({ example: 'Discord' })
  label!: string;

  @ApiProperty({ example: 'A channel’s webhook (Server Settings → Integrations → Webhooks)' })
  description!: string;

  @ApiProperty({
    example: 'discord://{webhook_id}/{webhook_token}',
    description:
      'How the Apprise URL is made from the fields: {field} is the value, percent-encoded as a URL component; [ … ] is left out when a field inside it is empty',
  })
  url_template!: string;

  @ApiProperty({ type: [NotificationServiceFieldDto] })
  fields!: NotificationServiceFieldDto[];

  @ApiProperty({ example: 'https://github.com/caronc/apprise/wiki/Notify_discord' })
  docs_url!: string;
}
