import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user.entity';
import type { ApiKeyScope } from './api-key-scopes';

/** A key for scripts: it acts as its user, never beyond its scope. Deleting the user deletes their keys. */
@Entity('api_keys')
@Index('idx_api_keys_user', ['userId', 'id'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_keys_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The key's first characters (`bgk_` and 8 more), shown in lists so that its owner can tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /**
   * SHA-256 of the whole key, hex. The key is 256 random bits, so no guess can find it from the hash and a slow
   * password hash (argon2) would add nothing but its cost on every request; a plain digest can also be looked up
   * through the unique index.
   */
  @Index('idx_api_keys_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  scope!: ApiKeyScope;

  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  /** The client address of the last recorded use. */
  @Column({ name: 'last_used_from', type: 'varchar', length: 64, nullable: true })
  lastUsedFrom!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  /** Set when the key is revoked; a revoked key is refused and no longer listed. */
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
