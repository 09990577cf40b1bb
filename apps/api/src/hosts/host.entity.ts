import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HOST_KEY_POLICIES } from '../repositories/dto/repository-input.dto';

/** The policies of remote repositories: accept-new learns an unknown host's key at the first connection, strict refuses it. */
export type HostKeyPolicy = (typeof HOST_KEY_POLICIES)[number];

/** A machine Borgitory reaches over ssh as `sshUser`; its host key lives in the shared known_hosts file, not here. */
@Entity('hosts')
@Index('idx_hosts_created', ['createdAt', 'id'])
@Index('idx_hosts_endpoint', ['hostname', 'port'])
export class HostEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ name: 'ssh_user', type: 'varchar', length: 64 })
  sshUser!: string;

  /** A host name or an IP address, lower case; IPv6 without brackets. */
  @Column({ type: 'varchar', length: 253 })
  hostname!: string;

  @Column({ type: 'integer' })
  port!: number;

  @Column({ name: 'host_key_policy', type: 'varchar', length: 16 })
  hostKeyPolicy!: HostKeyPolicy;

  /** The last connection test: when, whether everything pull mode needs was there, and what was not. */
  @Column({ name: 'last_test_at', type: 'datetime', nullable: true })
  lastTestAt!: Date | null;

  @Column({ name: 'last_test_ok', type: 'boolean', nullable: true })
  lastTestOk!: boolean | null;

  @Column({ name: 'last_test_message', type: 'varchar', length: 1000, nullable: true })
  lastTestMessage!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}
