import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ArchiveEntryDto } from '../../archives/dto/archive-entry.dto';
import { PageQueryDto } from '../../platform/http/page-query.dto';

export const SEARCH_TEXT_LENGTH = { min: 2, max: 200 } as const;

/** `?q=` and the usual `?limit=&offset=`. */
export class FileSearchQueryDto extends PageQueryDto {
  @ApiProperty({
    description: 'Part of a file or directory name (case-insensitive for ASCII letters)',
    minLength: SEARCH_TEXT_LENGTH.min,
    maxLength: SEARCH_TEXT_LENGTH.max,
  })
  @IsOptional() // checked by FileSearch, which answers 422 with a message for a person
  @IsString()
  q?: string;
}

export class SearchRepositoryDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  name!: string;
}

export class FileVersionDto {
  @ApiProperty()
  archive_name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  archive_start!: string;

  @ApiProperty({ description: 'Bytes' })
  size!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  mtime!: string | null;
}

export class FileHitDto extends ArchiveEntryDto {
  @ApiProperty({ type: SearchRepositoryDto })
  repository!: SearchRepositoryDto;

  @ApiProperty({ description: 'The newest searched archive that holds the path' })
  archive_name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  archive_start!: string;

  @ApiProperty({
    type: [FileVersionDto],
    description: 'The other searched archives of the repository that hold the same path, newest first',
  })
  versions!: FileVersionDto[];
}

export class RepositorySearchedDto extends SearchRepositoryDto {
  @ApiProperty({ description: 'Archives whose index was searched' })
  searched_archives!: number;

  @ApiProperty({ description: 'Archives without an index, not searched (browse one, or back up, to index it)' })
  not_indexed!: number;

  @ApiProperty({ description: 'Indexed archives older than the newest ones searched, left out to bound the work' })
  not_searched!: number;
}

export class FileSearchResultDto {
  @ApiProperty({ type: [FileHitDto], description: 'One hit per repository and path, by repository name then path' })
  hits!: FileHitDto[];

  @ApiProperty({ description: 'Hits in all' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty({ description: 'Whether an archive held more matches than are read of one archive (the search should be narrower)' })
  truncated!: boolean;

  @ApiProperty({ type: [RepositorySearchedDto], description: 'Every repository, with what of it was searched' })
  repositories!: RepositorySearchedDto[];
}
