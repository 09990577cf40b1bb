import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyEntity } from '../api-key.entity';
import { API_KEY_SCOPES, ApiKeyScope } from '../api-key-scopes';

/** A key as lists show it: never the key itself nor its hash. */
export class ApiKeyDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'nightly report script' })
  name!: string;

  @ApiProperty({ example: 'bgk_ab12cd34', description: 'The first characters of the key, to tell keys apart' })
  prefix!: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    example: 'read',
    description:
      'The key acts as its owner with the lesser of this and the owner’s role: `read` as a viewer, `operate` as an operator, `admin` as an admin',
  })
  scope!: ApiKeyScope;

  @ApiProperty({ example: '2026-11-26T18:00:00.000Z', format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'null: the key does not expire' })
  expires_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Recorded at most once a minute' })
  last_used_at!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '192.0.2.10', description: 'The client address of that use' })
  last_used_from!: string | null;

  static from(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scope: key.scope,
      created_at: key.createdAt.toISOString(),
      expires_at: key.expiresAt?.toISOString() ?? null,
      last_used_at: key.lastUsedAt?.toISOString() ?? null,
      last_used_from: key.lastUsedFrom,
    };
  }
}

/** A new key: the only answer that carries the key. */
export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'bgk_ab12cd34ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDM',
    description: 'The key, shown this once: send it as `Authorization: Bearer <key>`. Only its hash is kept.',
  })
  key!: string;
}
