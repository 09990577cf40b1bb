import { ApiProperty } from '@nestjs/swagger';
import { ErrorCode } from '../../platform/errors/error-code';

export class RepositoryFailureDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' })
  code!: ErrorCode;

  @ApiProperty({ example: 'The passphrase is wrong for this repository' })
  message!: string;
}

/** "Can Borgitory open it?": ok=false with a readable error rather than a failure status. */
export class RepositoryTestResultDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty()
  repository_id!: number;

  @ApiProperty({ type: String, nullable: true, example: 'repokey-blake2' })
  encryption!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  last_modified!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  archives_count!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  original_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  compressed_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  deduplicated_size!: number | null;

  @ApiProperty({ type: RepositoryFailureDto, nullable: true })
  error!: RepositoryFailureDto | null;
}

export class RepositoryInfoDto {
  @ApiProperty()
  repository_id!: number;

  @ApiProperty({ description: "borg's repository id" })
  borg_id!: string;

  @ApiProperty()
  location!: string;

  @ApiProperty({ example: 'repokey-blake2' })
  encryption!: string;

  @ApiProperty({ format: 'date-time' })
  last_modified!: string;

  @ApiProperty()
  archives_count!: number;

  @ApiProperty()
  original_size!: number;

  @ApiProperty()
  compressed_size!: number;

  @ApiProperty()
  deduplicated_size!: number;

  @ApiProperty()
  total_chunks!: number;

  @ApiProperty()
  unique_chunks!: number;

  @ApiProperty({ description: 'original_size / deduplicated_size (0 when empty)', example: 3.2 })
  deduplication_ratio!: number;
}

export class RepositoryKeyDto {
  @ApiProperty()
  repository_id!: number;

  @ApiProperty({ example: 'keyfile-blake2' })
  encryption!: string;

  @ApiProperty({ example: 'borgitory-my-backup-repo.key' })
  filename!: string;

  @ApiProperty({ description: 'The text of `borg key export`; keep it safe, together with the passphrase' })
  key!: string;
}

export class SshPublicKeyDto {
  @ApiProperty({ example: 'ssh-ed25519 AAAAC3Nza… borgitory@nas' })
  public_key!: string;

  @ApiProperty({ example: 'SHA256:…' })
  fingerprint!: string;
}
