import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, MinLength } from 'class-validator';
import { MAX_BULK_ITEMS } from '../../platform/bulk/bulk-ids.dto';

export class DeleteArchivesDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', minLength: 1 },
    minItems: 1,
    maxItems: MAX_BULK_ITEMS,
    uniqueItems: true,
    example: ['docs-2026-01-01', 'docs-2026-01-02'],
    description: 'Archives of the repository, by name; every one must exist (422 names those that do not)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  names!: string[];

  @ApiPropertyOptional({ default: false, description: 'Run borg compact after the deletion, in the same job, to free the space' })
  @IsOptional()
  @IsBoolean()
  compact?: boolean;
}
