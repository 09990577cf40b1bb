import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, registerDecorator } from 'class-validator';
import { SchemaRules } from '../../platform/openapi/schema-rules.decorator';
import { COMPRESSION_SPEC, excludePatternProblem } from '../borg-syntax';

export const DEFAULT_ARCHIVE_NAME = '{hostname}-{now:%Y-%m-%dT%H:%M:%S}';

function IsExcludePattern() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isExcludePattern',
      target: target.constructor,
      propertyName,
      options: { each: true },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && excludePatternProblem(value) === null,
        // With `each`, borg's reason for the first refused pattern; the value given is the whole array.
        defaultMessage: (args) => {
          const patterns: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          const reasons = patterns.map((pattern) =>
            typeof pattern === 'string' ? excludePatternProblem(pattern) : 'Each exclude pattern must be a string',
          );
          return reasons.find((reason) => reason !== null) ?? 'Invalid exclude pattern';
        },
      },
    });
}

/** What to back up and how: shared by manual backups and schedules. */
@SchemaRules({ oneOf: [{ required: ['source_path'] }, { required: ['source_paths'] }] })
export class BackupSourceDto {
  @ApiPropertyOptional({ example: '/mnt/backup/sources/documents', description: 'One directory or file to back up (or use source_paths)' })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  source_path?: string;

  @ApiPropertyOptional({ type: [String], example: ['/home/alice', '/etc'], description: 'Several directories or files to back up' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 4096, { each: true })
  source_paths?: string[];

  @ApiPropertyOptional({
    type: String,
    example: 'documents-{now:%Y%m%d-%H%M%S}',
    default: DEFAULT_ARCHIVE_NAME,
    nullable: true,
    description: 'borg placeholders ({now}, {hostname}, {user}, …) are expanded by borg; null or left out: the default',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[^/\0\n\r]+$/, { message: 'archive_name cannot contain "/" or line breaks' })
  @Matches(/^(?!.*::)/, { message: 'archive_name cannot contain "::"' })
  archive_name?: string | null;

  @ApiPropertyOptional({ example: 'lz4', default: 'lz4', description: 'none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9], or auto,<spec>' })
  @IsOptional()
  @IsString()
  @Matches(COMPRESSION_SPEC, { message: 'compression must be none, lz4, zstd[,1-22], zlib[,0-9], lzma[,0-9] or auto,<one of those>' })
  compression?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['*.tmp', '*.log'],
    description: 'borg exclude patterns (fm:, sh:, re:, pp:, pf: styles)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsExcludePattern()
  exclude_patterns?: string[];

  @ApiPropertyOptional({ default: false, description: 'Stay in the file system of each source path' })
  @IsOptional()
  @IsBoolean()
  one_file_system?: boolean;
}
