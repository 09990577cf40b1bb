import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeleteArchiveParametersDto {
  @ApiProperty({ description: 'The archive deleted (the first of them when several were deleted at once)' })
  archive_name!: string;

  @ApiPropertyOptional({ type: [String], description: 'Every archive deleted, when several were deleted in one borg call' })
  archive_names?: string[];
}

export class DeleteArchiveResultDto {
  @ApiProperty({ description: 'The archive deleted (the first of them when several were deleted at once)' })
  archive_name!: string;

  @ApiPropertyOptional({ type: [String], description: 'Every archive deleted, when several were deleted in one borg call' })
  archive_names?: string[];
}
