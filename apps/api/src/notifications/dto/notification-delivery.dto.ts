import { ApiProperty } from '@nestjs/swagger';
import { EVENT_NAMES } from '../../platform/events/event-names';
import { FilterIdSet, FilterSet, FilterTime, SortQuery } from '../../platform/filtering/filter-decorators';
import { ListSpec } from '../../platform/filtering/list-spec';
import { ListQueryDto } from '../../platform/filtering/list-query.dto';
import { DELIVERY_STATUSES, DeliveryEventName, DeliveryStatus } from '../deliveries/notification-delivery.entity';

const DELIVERY_EVENTS = [...EVENT_NAMES, 'test'] as const;

/** The fields `?sort=` takes on the delivery log. */
export const DELIVERY_SORT_FIELDS = ['created_at', 'id'] as const;

export class DeliveryQueryDto extends ListQueryDto {
  @FilterIdSet({ description: "These channels' deliveries", example: '1,2' })
  channel_id?: number[];

  @FilterSet(DELIVERY_EVENTS, {
    enumName: 'DeliveryEventName',
    description: 'Deliveries of these events',
    example: 'backup.failed,check.failed',
  })
  event?: DeliveryEventName[];

  @FilterSet(DELIVERY_STATUSES, { enumName: 'DeliveryStatus', description: 'Deliveries in these statuses', example: 'failed' })
  status?: DeliveryStatus[];

  @FilterTime({ description: 'Deliveries created at or after this time', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterTime({ description: 'Deliveries created before this time', example: '2026-12-05T00:00:00Z' })
  created_before?: Date;

  @SortQuery(DELIVERY_SORT_FIELDS, { default: '-created_at', example: 'created_at' })
  sort?: string[];
}

/** The delivery log's filters: each set has its index (status, event, channel_id) with the order (created_at, id) after it. */
export const DELIVERY_LIST: ListSpec<DeliveryQueryDto> = {
  filters: {
    channel_id: { column: 'channel_id', kind: 'in' },
    event: { column: 'event', kind: 'in' },
    status: { column: 'status', kind: 'in' },
    created_after: { column: 'created_at', kind: 'from' },
    created_before: { column: 'created_at', kind: 'before' },
  },
  sort: { created_at: 'created_at', id: 'id' },
  defaultSort: [{ field: 'created_at', descending: true }],
  tieBreaker: 'id',
};

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
