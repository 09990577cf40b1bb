import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class DirectoryQueryDto {
  @ApiPropertyOptional({ default: '/', example: '/home' })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  path?: string;
}

export class DirectoryEntryDto {
  @ApiProperty({ example: 'documents' })
  name!: string;

  @ApiProperty({ example: '/home/alice/documents' })
  path!: string;

  @ApiProperty({ enum: ['directory', 'file', 'symlink', 'other'] })
  type!: 'directory' | 'file' | 'symlink' | 'other';
}

export class DirectoryListingDto {
  @ApiProperty({ example: '/home/alice' })
  path!: string;

  @ApiProperty({ type: String, nullable: true, example: '/home' })
  parent!: string | null;

  @ApiProperty({ type: [DirectoryEntryDto], description: 'Directories first, then the rest, each by name' })
  entries!: DirectoryEntryDto[];

  @ApiProperty({ description: 'True when the directory holds more entries than were listed' })
  truncated!: boolean;
}
