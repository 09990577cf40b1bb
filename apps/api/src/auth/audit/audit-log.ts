import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { readListPage } from '../../platform/filtering/apply-list-query';
import { Page } from '../../platform/http/envelope';
import { AuditEntryEntity } from './audit-entry.entity';
import { AUDIT_LIST, AuditActionDto, AuditEntryDto, AuditQueryDto } from './dto/audit-entry.dto';

/** The stored audit trail: written by AuditTrail, read by admins, trimmed by AuditRetention. */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(entry: Omit<AuditEntryEntity, 'id'>): Promise<void> {
    await this.entries.insert(entry);
  }

  /** Newest first unless sorted otherwise, on the index of the filter given (user, action, or time). */
  async list(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const [rows, total] = await readListPage(this.entries.createQueryBuilder('entry'), AUDIT_LIST, query);
    return new Page(rows.map(toDto), { total, limit: query.limit, offset: query.offset });
  }

  /** The operations the log holds, by name, with how many entries each: one pass over the action index. */
  async actions(): Promise<AuditActionDto[]> {
    const rows = await this.entries
      .createQueryBuilder('entry')
      .select('entry.action', 'action')
      .addSelect('COUNT(*)', 'entries')
      .groupBy('entry.action')
      .orderBy('entry.action')
      .getRawMany<{ action: string; entries: number }>();
    return rows.map((row) => ({ action: row.action, entries: Number(row.entries) }));
  }

  /** Removes up to `limit` entries older than `cutoff`; returns how many. */
  async removeBefore(cutoff: Date, limit: number): Promise<number> {
    const old = await this.entries.find({
      select: ['id'],
      where: { occurredAt: LessThan(cutoff) },
      order: { occurredAt: 'ASC' },
      take: limit,
    });
    if (old.length === 0) return 0;
    await this.entries.delete(old.map((entry) => entry.id));
    return old.length;
  }
}

function toDto(entry: AuditEntryEntity): AuditEntryDto {
  return {
    id: entry.id,
    occurred_at: entry.occurredAt.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    api_key_id: entry.apiKeyId,
    address: entry.address,
    action: entry.action,
    target: JSON.parse(entry.target) as Record<string, string>,
    status: entry.status,
    outcome: entry.outcome,
  };
}
