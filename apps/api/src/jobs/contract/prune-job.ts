import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** borg prune's rules, as the pruning policy names them; a rule left out keeps nothing by itself. */
export class PruneRulesDto {
  @ApiPropertyOptional({ example: '7d' })
  keep_within?: string;

  @ApiPropertyOptional()
  keep_last?: number;

  @ApiPropertyOptional()
  keep_secondly?: number;

  @ApiPropertyOptional()
  keep_minutely?: number;

  @ApiPropertyOptional()
  keep_hourly?: number;

  @ApiPropertyOptional()
  keep_daily?: number;

  @ApiPropertyOptional()
  keep_weekly?: number;

  @ApiPropertyOptional()
  keep_monthly?: number;

  @ApiPropertyOptional()
  keep_yearly?: number;

  @ApiPropertyOptional({ example: 'documents-*' })
  glob_archives?: string;
}

/** A copy of the pruning policy as it was when the job was made, so that a retry prunes by the same rules. */
export class PruneParametersDto {
  @ApiProperty()
  pruning_policy_id!: number;

  @ApiProperty({ example: 'Keep 7 daily' })
  policy_name!: string;

  @ApiProperty({ type: PruneRulesDto })
  rules!: PruneRulesDto;

  @ApiProperty({ description: 'A compact step follows the prune' })
  compact_after!: boolean;

  @ApiProperty()
  dry_run!: boolean;
}

export class KeptArchiveDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'daily #1', description: 'The rule that keeps it, as borg names it' })
  rule!: string;
}

/** What borg prune kept (and by which rule) and deleted (or would, in a dry run). */
export class PruneResultDto {
  @ApiProperty()
  dry_run!: boolean;

  @ApiProperty({ type: [KeptArchiveDto] })
  kept!: KeptArchiveDto[];

  @ApiProperty({ type: [String] })
  pruned!: string[];
}
