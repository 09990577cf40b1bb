import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EVENT_NAMES, EventName } from '../../platform/events/event-names';
import { CHANNEL_TYPES, ChannelType } from '../channels/notification-channel.entity';

export class MessageTemplateDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    example: '{title} on {repository}',
    description: 'null or left out: the default title. Placeholders are listed by GET /api/v1/notifications/events',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 4000,
    example: '{summary}\n{error}\n{job_url}',
    description: 'null or left out: the default body',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  body?: string | null;
}

/** The body of POST. */
export class NotificationChannelInputDto {
  @ApiProperty({ example: 'Family Discord', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: CHANNEL_TYPES, enumName: 'NotificationChannelType', example: 'apprise' })
  @IsIn(CHANNEL_TYPES)
  type!: ChannelType;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { url: 'discord://webhook_id/webhook_token' },
    description:
      'apprise: { "url": an Apprise URL } (secret). webhook: { "url": an http(s) address, "secret": the HMAC-SHA256 signing key (secret, 16 characters or more) }. Secrets are write-only.',
  })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiProperty({ enum: EVENT_NAMES, enumName: 'EventName', isArray: true, example: ['backup.failed', 'repository.overdue'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(EVENT_NAMES.length)
  @IsIn(EVENT_NAMES, { each: true })
  events!: EventName[];

  @ApiProperty({ type: [Number], nullable: true, example: null, description: 'Only events about these repositories; null: all' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  repository_ids!: number[] | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: MessageTemplateDto, description: 'Title and body of the message (Apprise; webhooks send JSON)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MessageTemplateDto)
  template?: MessageTemplateDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10_080,
    default: 60,
    description:
      'A failure like one this channel got less than this many minutes ago (same event, repository, schedule and error code) is logged as suppressed instead of sent; 0 sends every one',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_080)
  throttle_minutes?: number;
}

/** The body of PUT: the fields to change; those left out keep their values, and so does a secret left out of config. */
export class NotificationChannelUpdateDto extends PartialType(NotificationChannelInputDto) {}

export class MessageTemplateViewDto {
  @ApiProperty({ type: String, nullable: true, description: 'null: the default' })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null: the default' })
  body!: string | null;
}

export class NotificationChannelDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Family Discord' })
  name!: string;

  @ApiProperty({ enum: CHANNEL_TYPES, enumName: 'NotificationChannelType' })
  type!: ChannelType;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {}, description: 'The config fields that are not secret' })
  config!: Record<string, string>;

  @ApiProperty({ type: [String], example: ['url'], description: 'Secret config fields that have a value (never shown)' })
  secrets_set!: string[];

  @ApiProperty({ example: 'discord://****/****', description: 'Where deliveries go, with secrets masked' })
  target!: string;

  @ApiProperty({ enum: EVENT_NAMES, enumName: 'EventName', isArray: true })
  events!: EventName[];

  @ApiProperty({ type: [Number], nullable: true })
  repository_ids!: number[] | null;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: MessageTemplateViewDto })
  template!: MessageTemplateViewDto;

  @ApiProperty({ example: 60 })
  throttle_minutes!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
