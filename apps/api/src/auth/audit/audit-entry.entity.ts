import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['succeeded', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

@Entity('audit_entries')
@Index('idx_audit_entries_user', ['userId', 'occurredAt'])
@Index('idx_audit_entries_action', ['action', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('idx_audit_entries_occurred_at')
  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;

  /** Who acted, as they were then; null when nobody was signed in (a refused request, a failed login). */
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  /** The user's name then, or the name a login or setup was tried with. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  /** The API key the request came with, if any. */
  @Column({ name: 'api_key_id', type: 'integer', nullable: true })
  apiKeyId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  address!: string;

  /** The operation: method and route, as the OpenAPI document names it ("DELETE /api/v1/repositories/{id}"). */
  @Column({ type: 'varchar', length: 160 })
  action!: string;

  /** What it was done to: the route's parameters (JSON), never a body. */
  @Column({ type: 'text' })
  target!: string;

  /** The HTTP status of the answer. */
  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;
}
