import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { EVENT_NAMES } from '../../platform/events/event-names';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { DELIVERY_STATUSES, DeliveryEventName, DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { QueryInteger } from '../../platform/http/query-integer';

const DELIVERY_EVENTS = [...EVENT_NAMES, 'test'] as const;

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  channel_id?: number;

  @ApiPropertyOptional({ enum: DELIVERY_EVENTS, enumName: 'DeliveryEventName' })
  @IsOptional()
  @IsIn(DELIVERY_EVENTS)
  event?: DeliveryEventName;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryAttemptDto {
  @ApiProperty({ format: 'date-time' })
  attempted_at!: string;

  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, example: 500, description: 'What a webhook receiver answered' })
  http_status!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'The receiver answered HTTP 500', description: 'Why it failed' })
  reason!: string | null;

  @ApiProperty({ example: 120 })
  duration_ms!: number;
}

export class NotificationDeliveryDto {
  @ApiProperty({ example: 7 })
  id!: number;

  @ApiProperty({ format: 'uuid', description: 'The webhook body’s id and X-Borgitory-Delivery' })
  uuid!: string;

  @ApiProperty({ example: 1 })
  channel_id!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Family Discord', description: 'null when the channel was deleted' })
  channel_name!: string | null;

  @ApiProperty({ enum: DELIVERY_EVENTS, enumName: 'DeliveryEventName' })
  event!: DeliveryEventName;

  @ApiProperty({ example: 'The backup of "Documents" failed: Repository 1 does not exist' })
  summary!: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'DeliveryStatus',
    description: 'pending: waiting to be sent (again); suppressed: throttled',
  })
  status!: DeliveryStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed or was suppressed' })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  next_attempt_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  delivered_at!: string | null;

  @ApiProperty({ type: [DeliveryAttemptDto], description: 'Every attempt, oldest first' })
  attempts!: DeliveryAttemptDto[];
}

export class ChannelTestResultDto {
  @ApiProperty({ description: 'Whether the service or receiver accepted the test message' })
  delivered!: boolean;

  @ApiProperty({ type: 'integer', nullable: true })
  http_status!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Connection refused' })
  reason!: string | null;

  @ApiProperty({ type: NotificationDeliveryDto, description: 'The test’s entry in the delivery log' })
  delivery!: NotificationDeliveryDto;
}
