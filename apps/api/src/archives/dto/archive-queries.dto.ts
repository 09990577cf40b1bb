import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { FilterSize, FilterText, FilterTime, SortQuery } from '../../platform/filtering/filter-decorators';
import { ListQueryDto } from '../../platform/filtering/list-query.dto';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { QueryInteger } from '../../platform/http/query-integer';

const PATH_DESCRIPTION =
  'Directory in the archive, with or without a leading slash; default the root. Percent-encode its bytes (a name that is not UTF-8 has bytes no string can carry). ".." is refused.';
const BOOLEAN = ['true', 'false'] as const;

/** The fields `?sort=` takes on an archive list; created_at is the archive's start (its `start`). */
export const ARCHIVE_SORT_FIELDS = ['created_at', 'name', 'original_size'] as const;

export class ArchiveListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: BOOLEAN, description: 'true: read the list from borg first instead of the stored one' })
  @IsOptional()
  @IsIn(BOOLEAN)
  refresh?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc', description: 'By start time: desc is newest first (without `sort`)' })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  order: 'desc' | 'asc' = 'desc';

  @FilterTime({ description: 'Archives started at or after this time', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterTime({ description: 'Archives started before this time', example: '2026-12-05T00:00:00Z' })
  created_before?: Date;

  @FilterSize({ description: 'Archives of at least this original size', example: '1048576' })
  min_size?: number;

  @FilterSize({ description: 'Archives of at most this original size', example: '1073741824' })
  max_size?: number;

  @FilterText({ description: 'Archives whose name contains this text, in any case', example: 'docs' })
  q?: string;

  @FilterText({
    description:
      'Archives whose name matches this borg-style shell pattern: `*` any text, `?` one character, `[...]` one of, `[!...]` none of; case-sensitive',
    example: 'docs-*',
  })
  glob?: string;

  @SortQuery(ARCHIVE_SORT_FIELDS, { default: '-created_at', example: '-original_size,name' })
  sort?: string[];
}

export class ArchiveBrowseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: PATH_DESCRIPTION, example: '/home/user' })
  @IsOptional()
  @IsString()
  path?: string;

  @ApiPropertyOptional({ enum: ['name', 'size', 'mtime'], default: 'name', description: 'Directories always come first' })
  @IsOptional()
  @IsIn(['name', 'size', 'mtime'])
  sort: 'name' | 'size' | 'mtime' = 'name';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

export class ArchiveDownloadQueryDto {
  @ApiProperty({
    description: 'A file (streamed as it is) or a directory (streamed as a tar). Percent-encode the bytes of the path.',
    example: '/home/user/report.pdf',
  })
  @IsString()
  path!: string;
}

export class ArchiveDiffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this subtree. Percent-encode its bytes.' })
  @IsOptional()
  @IsString()
  path?: string;

  @ApiPropertyOptional({ enum: BOOLEAN, description: 'true: only content changes, not mode, owner or time' })
  @IsOptional()
  @IsIn(BOOLEAN)
  content_only?: 'true' | 'false';
}

export const MAX_SEARCH_HITS = 500;

export class ArchiveSearchQueryDto {
  @ApiProperty({ description: 'Part of a file or directory name (case-insensitive for ASCII letters)', minLength: 1, maxLength: 255 })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  q!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SEARCH_HITS, default: 100 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_HITS)
  limit = 100;
}

export const MAX_RESTORE_PATHS = 1000;

export class RestoreArchiveDto {
  @ApiProperty({
    type: [String],
    description:
      'Files and directories to restore, as the API writes them (surrogate escapes for non-UTF-8 bytes); "/" restores everything',
    example: ['/home/user/documents'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RESTORE_PATHS)
  @IsString({ each: true })
  paths!: string[];

  @ApiPropertyOptional({
    description: 'Existing, writable directory on the server; left out when restoring to the original location',
    example: '/srv/restore',
  })
  @ValidateIf((input: RestoreArchiveDto) => !input.to_original_location)
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  destination?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Put each file back where it was backed up from (its absolute path in the archive), replacing what is there now: ' +
      'needs overwrite true and no destination or strip_components',
  })
  @IsOptional()
  @IsBoolean()
  to_original_location?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 255, default: 0, description: 'Leading path components to drop, like tar' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(255)
  strip_components?: number;

  @ApiPropertyOptional({ default: false, description: 'Replace files that already exist at the destination' })
  @IsOptional()
  @IsBoolean()
  overwrite?: boolean;

  @ApiPropertyOptional({
    example: 2,
    description:
      "Restore onto a host (borg's pull mode: borg extract runs there, as its user): destination is a folder of the host; the repository must be on this server",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  host_id?: number;
}
