import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** express-session's data, one row a session; `expires_at` is epoch milliseconds. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Index('idx_sessions_expires_at')
  @Column({ name: 'expires_at', type: 'integer' })
  expiresAt!: number;

  @Column({ type: 'text' })
  data!: string;

  /** The signed-in user (from `data`), null for a session that has none. */
  @Index('idx_sessions_user_id')
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;
}
