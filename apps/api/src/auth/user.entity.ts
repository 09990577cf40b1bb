import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './roles/roles';

@Entity('users')
@Index('idx_users_role', ['role', 'id'])
@Index('idx_users_created', ['createdAt', 'id'])
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'admin' })
  role!: Role;

  /** The TOTP secret, sealed by SecretsService; null while two-factor sign-in is off. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  /** A secret handed out for enrolment, sealed, until a code from it confirms that an authenticator holds it. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true })
  totpPendingSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'datetime', nullable: true })
  totpEnabledAt!: Date | null;

  /** The time step of the last code accepted: a code is taken once, and none of an earlier step after it. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep!: number | null;

  /** `<issuer>#<sub>` of a user who signs in through OpenID Connect; null for local users. */
  @Index('idx_users_oidc_subject', { unique: true })
  @Column({ name: 'oidc_subject', type: 'varchar', length: 512, nullable: true })
  oidcSubject!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
