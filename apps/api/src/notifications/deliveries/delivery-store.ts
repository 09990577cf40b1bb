import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Raw, Repository } from 'typeorm';
import { sqliteTime } from '../../platform/database/sqlite-time';
import { DomainError } from '../../platform/errors/domain-error';
import { Page } from '../../platform/http/envelope';
import { readListPage } from '../../platform/filtering/apply-list-query';
import { DELIVERY_LIST, DeliveryQueryDto, NotificationDeliveryDto } from '../dto/notification-delivery.dto';
import { NotificationAttemptEntity } from './notification-attempt.entity';
import { DeliveryPayload, DeliveryStatus, NotificationDeliveryEntity } from './notification-delivery.entity';

export interface NewDelivery {
  channelId: number;
  payload: DeliveryPayload;
  throttleKey: string | null;
  status: Extract<DeliveryStatus, 'pending' | 'suppressed'>;
  reason?: string;
  /** false: pending but not picked up by the worker (a test, sent by its caller). */
  queued?: boolean;
}

export interface AttemptRecord {
  attemptedAt: Date;
  ok: boolean;
  httpStatus: number | null;
  reason: string | null;
  durationMs: number;
}

/** The notification_deliveries and notification_attempts tables. */
@Injectable()
export class DeliveryStore {
  constructor(
    @InjectRepository(NotificationDeliveryEntity) private readonly deliveries: Repository<NotificationDeliveryEntity>,
    @InjectRepository(NotificationAttemptEntity) private readonly attempts: Repository<NotificationAttemptEntity>,
  ) {}

  create(delivery: NewDelivery): Promise<NotificationDeliveryEntity> {
    const now = new Date();
    return this.deliveries.save(
      this.deliveries.create({
        uuid: randomUUID(),
        channelId: delivery.channelId,
        event: delivery.payload.event,
        payload: delivery.payload,
        status: delivery.status,
        attempts: 0,
        nextAttemptAt: delivery.status === 'pending' && delivery.queued !== false ? now : null,
        throttleKey: delivery.throttleKey,
        reason: delivery.reason ?? null,
        createdAt: now,
        deliveredAt: null,
      }),
    );
  }

  find(id: number): Promise<NotificationDeliveryEntity | null> {
    return this.deliveries.findOneBy({ id });
  }

  async get(id: number): Promise<NotificationDeliveryEntity> {
    const delivery = await this.find(id);
    if (!delivery) throw DomainError.notFound(`Delivery ${id} does not exist`);
    return delivery;
  }

  /** Pending deliveries whose time has come, oldest due first, leaving out those being sent. */
  due(now: Date, limit: number, busy: number[]): Promise<NotificationDeliveryEntity[]> {
    return this.deliveries.find({
      where: { status: 'pending', nextAttemptAt: before(now, true), ...(busy.length > 0 && { id: Not(In(busy)) }) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** When the next pending delivery falls due, or null when none waits. */
  async nextDueAt(): Promise<Date | null> {
    const next = await this.deliveries.findOne({
      where: { status: 'pending' },
      order: { nextAttemptAt: 'ASC' },
      select: ['id', 'nextAttemptAt'],
    });
    return next?.nextAttemptAt ?? null;
  }

  async recordAttempt(
    delivery: NotificationDeliveryEntity,
    attempt: AttemptRecord,
    next: Partial<NotificationDeliveryEntity>,
  ): Promise<void> {
    await this.attempts.insert({ deliveryId: delivery.id, ...attempt });
    Object.assign(delivery, next);
    await this.deliveries.update({ id: delivery.id }, next);
  }

  async update(delivery: NotificationDeliveryEntity, next: Partial<NotificationDeliveryEntity>): Promise<void> {
    Object.assign(delivery, next);
    await this.deliveries.update({ id: delivery.id }, next);
  }

  /** The newest delivery of this channel with this throttle key created after `since` that was not itself suppressed. */
  lastSentLike(channelId: number, throttleKey: string, since: Date): Promise<NotificationDeliveryEntity | null> {
    return this.deliveries.findOne({
      where: {
        channelId,
        throttleKey,
        createdAt: Raw((column) => `${column} > :since`, { since: sqliteTime(since) }),
        status: In(['pending', 'delivered', 'failed']),
      },
      order: { createdAt: 'DESC' },
    });
  }

  async list(
    query: DeliveryQueryDto,
    channelNames: (ids: number[]) => Promise<Map<number, string>>,
  ): Promise<Page<NotificationDeliveryDto>> {
    const [rows, total] = await readListPage(this.deliveries.createQueryBuilder('delivery'), DELIVERY_LIST, query);
    const page = await this.toDtos(rows, channelNames);
    return new Page(page, { total, limit: query.limit, offset: query.offset });
  }

  async toDtos(
    rows: NotificationDeliveryEntity[],
    channelNames: (ids: number[]) => Promise<Map<number, string>>,
  ): Promise<NotificationDeliveryDto[]> {
    const ids = rows.map((row) => row.id);
    const attempts = ids.length > 0 ? await this.attempts.find({ where: { deliveryId: In(ids) }, order: { id: 'ASC' } }) : [];
    const names = await channelNames([...new Set(rows.map((row) => row.channelId))]);
    return rows.map((row) => ({
      id: row.id,
      uuid: row.uuid,
      channel_id: row.channelId,
      channel_name: names.get(row.channelId) ?? null,
      event: row.event,
      summary: row.payload.data.summary,
      status: row.status,
      reason: row.reason,
      created_at: row.createdAt.toISOString(),
      next_attempt_at: row.status === 'pending' && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
      delivered_at: row.deliveredAt?.toISOString() ?? null,
      attempts: attempts
        .filter((attempt) => attempt.deliveryId === row.id)
        .map((attempt) => ({
          attempted_at: attempt.attemptedAt.toISOString(),
          ok: attempt.ok,
          http_status: attempt.httpStatus,
          reason: attempt.reason,
          duration_ms: attempt.durationMs,
        })),
    }));
  }

  /** Deletes deliveries (and their attempts) created before `cutoff`; returns how many. */
  async removeOlderThan(cutoff: Date): Promise<number> {
    const old = await this.deliveries.find({ where: { createdAt: before(cutoff, false) }, select: ['id'] });
    if (old.length === 0) return 0;
    const ids = old.map((row) => row.id);
    for (let i = 0; i < ids.length; i += 500) {
      await this.attempts.delete({ deliveryId: In(ids.slice(i, i + 500)) });
      await this.deliveries.delete({ id: In(ids.slice(i, i + 500)) });
    }
    return ids.length;
  }
}

function before(time: Date, orAt: boolean) {
  return Raw((column) => `${column} ${orAt ? '<=' : '<'} :time`, { time: sqliteTime(time) });
}
