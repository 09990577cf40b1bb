import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_SCOPES, ApiKeyScope } from '../api-key-scopes';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'nightly report script', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, example: 'read', description: 'Not above the role of whoever creates the key (422)' })
  @IsIn(API_KEY_SCOPES)
  scope!: ApiKeyScope;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stops working; in the future (422). Left out: never.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expires_at?: string;
}
