import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, MaxLength, ValidateIf } from 'class-validator';

export const ENCRYPTION_MODES = [
  'none',
  'repokey',
  'repokey-blake2',
  'keyfile',
  'keyfile-blake2',
  'authenticated',
  'authenticated-blake2',
] as const;
export type EncryptionMode = (typeof ENCRYPTION_MODES)[number];
export const HOST_KEY_POLICIES = ['accept-new', 'strict'] as const;

export const MAX_AGE_HOURS_LIMIT = 8760;

const MAX_AGE_DESCRIPTION =
  'An archive is expected at least this often: the repository is overdue when its newest archive is older ' +
  '(its enabled schedules add expectations of their own). null: none.';

const PATH_DESCRIPTION =
  'An absolute local path, ssh://user@host:port/path, or user@host:path. For ssh, Borgitory uses its own key ' +
  '(GET /api/v1/ssh/public-key) unless ssh_private_key is given.';

export class CreateRepositoryDto {
  @ApiProperty({ example: 'My Backup Repo', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: '/mnt/repos/my-backup-repo', maxLength: 1024, description: PATH_DESCRIPTION })
  @IsString()
  @Length(1, 1024)
  path!: string;

  @ApiPropertyOptional({ example: 'secure-passphrase', writeOnly: true, description: 'Required unless encryption is none' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  passphrase?: string;

  @ApiPropertyOptional({
    enum: ENCRYPTION_MODES,
    default: 'repokey-blake2',
    description: 'For new repositories; an import reads it from the repository',
  })
  @IsOptional()
  @IsIn(ENCRYPTION_MODES)
  encryption?: EncryptionMode;

  @ApiPropertyOptional({ default: true, description: 'true: borg init a new repository; false: import an existing one' })
  @IsOptional()
  @IsBoolean()
  initialize?: boolean;

  @ApiPropertyOptional({ writeOnly: true, description: 'For importing a keyfile repository: the text of `borg key export`' })
  @IsOptional()
  @IsString()
  @MaxLength(64 * 1024)
  key_file?: string;

  @ApiPropertyOptional({ writeOnly: true, description: 'An unencrypted OpenSSH/PEM private key for this ssh repository' })
  @IsOptional()
  @IsString()
  @MaxLength(64 * 1024)
  ssh_private_key?: string;

  @ApiPropertyOptional({
    enum: HOST_KEY_POLICIES,
    default: 'accept-new',
    description: 'strict: refuse hosts whose key is not already known',
  })
  @IsOptional()
  @IsIn(HOST_KEY_POLICIES)
  ssh_host_key_policy?: (typeof HOST_KEY_POLICIES)[number];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_AGE_HOURS_LIMIT,
    example: 26,
    description: MAX_AGE_DESCRIPTION,
  })
  @ValidateIf((dto: CreateRepositoryDto) => dto.max_age_hours !== null && dto.max_age_hours !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_AGE_HOURS_LIMIT)
  max_age_hours?: number | null;
}

/** Every field optional; a changed path, passphrase or ssh setting is verified with borg before it is saved. */
export class UpdateRepositoryDto {
  @ApiPropertyOptional({ example: 'Updated Repo Name', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: '/mnt/repos/updated-path', maxLength: 1024, description: PATH_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  path?: string;

  @ApiPropertyOptional({ writeOnly: true })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  passphrase?: string;

  @ApiPropertyOptional({ type: String, writeOnly: true, nullable: true, description: "null switches back to Borgitory's own key" })
  @ValidateIf((dto: UpdateRepositoryDto) => dto.ssh_private_key !== null && dto.ssh_private_key !== undefined)
  @IsString()
  @MaxLength(64 * 1024)
  ssh_private_key?: string | null;

  @ApiPropertyOptional({ enum: HOST_KEY_POLICIES })
  @IsOptional()
  @IsIn(HOST_KEY_POLICIES)
  ssh_host_key_policy?: (typeof HOST_KEY_POLICIES)[number];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_AGE_HOURS_LIMIT,
    example: 26,
    description: MAX_AGE_DESCRIPTION,
  })
  @ValidateIf((dto: UpdateRepositoryDto) => dto.max_age_hours !== null && dto.max_age_hours !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_AGE_HOURS_LIMIT)
  max_age_hours?: number | null;
}

export class DeleteRepositoryQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Also delete the borg repository and all its archives' })
  @IsOptional()
  @IsIn(['true', 'false'])
  delete_data?: 'true' | 'false';
}
