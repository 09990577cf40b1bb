import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What borg check looks at; nothing set: everything. */
export class CheckOptionsDto {
  @ApiPropertyOptional()
  repository_only?: boolean;

  @ApiPropertyOptional()
  archives_only?: boolean;

  @ApiPropertyOptional()
  verify_data?: boolean;

  @ApiPropertyOptional({ description: 'Seconds; partial repository checks only' })
  max_duration?: number;

  @ApiPropertyOptional({ example: 'documents-*' })
  glob_archives?: string;

  @ApiPropertyOptional({ description: 'Only the first N archives' })
  first?: number;

  @ApiPropertyOptional({ description: 'Only the last N archives' })
  last?: number;
}

/** A copy of the check policy's scope as it was (none: everything), so that a retry checks the same. */
export class CheckParametersDto {
  @ApiProperty({ type: Number, nullable: true })
  check_policy_id!: number | null;

  @ApiProperty({ type: String, nullable: true })
  policy_name!: string | null;

  @ApiProperty({ type: CheckOptionsDto })
  options!: CheckOptionsDto;

  @ApiProperty()
  repair!: boolean;
}

export class CheckResultDto {
  @ApiProperty({ description: 'borg check ran with --repair' })
  repaired!: boolean;

  @ApiProperty({ description: 'Problems borg reported (a check without repair that finds any fails)' })
  problems!: number;
}
