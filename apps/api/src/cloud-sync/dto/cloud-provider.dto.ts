import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_NAMES, ProviderName } from '../providers/provider';

export class ProviderFieldOptionDto {
  @ApiProperty({ example: 'AWS' })
  value!: string;

  @ApiProperty({ example: 'AWS' })
  label!: string;
}

export class ProviderFieldDto {
  @ApiProperty({ example: 'bucket_name' })
  name!: string;

  @ApiProperty({ example: 'Bucket' })
  label!: string;

  @ApiProperty({
    enum: ['string', 'integer', 'boolean', 'select', 'password', 'text'],
    enumName: 'ProviderFieldType',
    description: 'text: several lines',
  })
  type!: string;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ description: 'Write-only: stored encrypted, never shown again' })
  secret!: boolean;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true })
  default!: string | number | boolean | null;

  @ApiProperty({ example: 'The bucket must exist' })
  help!: string;

  @ApiPropertyOptional({ type: [ProviderFieldOptionDto], description: 'For select' })
  options?: ProviderFieldOptionDto[];
}

export class ProviderPresetDto {
  @ApiProperty({ example: 'backblaze_b2' })
  name!: string;

  @ApiProperty({ example: 'Backblaze B2' })
  label!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field values the preset fills in' })
  values!: Record<string, string | boolean>;

  @ApiProperty()
  help!: string;
}

export class CloudProviderDto {
  @ApiProperty({ enum: PROVIDER_NAMES, enumName: 'CloudProviderName' })
  name!: ProviderName;

  @ApiProperty({ example: 'Amazon S3 or S3-compatible' })
  label!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [ProviderFieldDto] })
  fields!: ProviderFieldDto[];

  @ApiProperty({ type: [ProviderPresetDto] })
  presets!: ProviderPresetDto[];
}
