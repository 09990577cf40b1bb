import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PolicyDto, PolicyNameProperty } from '../../policies/policy.dto';
import { SchemaRules } from '../../../platform/openapi/schema-rules.decorator';

export const KEEP_COUNTS = [
  'keep_last',
  'keep_secondly',
  'keep_minutely',
  'keep_hourly',
  'keep_daily',
  'keep_weekly',
  'keep_monthly',
  'keep_yearly',
] as const;
export type KeepCount = (typeof KEEP_COUNTS)[number];

const KEEP_WITHIN = /^[1-9]\d{0,5}[Hdwmy]$/;
const MAX_KEEP = 100_000;

function KeepCountProperty(description: string) {
  return function (target: object, key: string) {
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_KEEP, nullable: true, description })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(MAX_KEEP)(target, key);
  };
}

/** The body of POST. At least one keep rule is required. */
@SchemaRules({
  anyOf: [
    { required: ['keep_within'], properties: { keep_within: { type: 'string' } } },
    ...KEEP_COUNTS.map((key) => ({ required: [key], properties: { [key]: { type: 'integer' } } })),
  ],
})
export class PruningPolicyInputDto {
  @PolicyNameProperty('Keep 7 daily, 4 weekly, 6 monthly')
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '7d',
    description: 'Keep everything this recent: a number and H, d, w, m or y',
  })
  @IsOptional()
  @IsString()
  @Matches(KEEP_WITHIN, { message: 'keep_within must be a number followed by H (hours), d, w, m or y, e.g. 7d' })
  keep_within?: string | null;

  @KeepCountProperty('Keep the last N archives')
  keep_last?: number | null;

  @KeepCountProperty('Keep the last archive of each of the last N seconds')
  keep_secondly?: number | null;

  @KeepCountProperty('…of each of the last N minutes')
  keep_minutely?: number | null;

  @KeepCountProperty('…of each of the last N hours')
  keep_hourly?: number | null;

  @KeepCountProperty('…of each of the last N days')
  keep_daily?: number | null;

  @KeepCountProperty('…of each of the last N weeks')
  keep_weekly?: number | null;

  @KeepCountProperty('…of each of the last N months')
  keep_monthly?: number | null;

  @KeepCountProperty('…of each of the last N years')
  keep_yearly?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'documents-*',
    description: 'Only archives matching this shell pattern are pruned',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  glob_archives?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Run borg compact after pruning, which gives the space back' })
  @IsOptional()
  @IsBoolean()
  compact_after?: boolean;
}

/** The body of PUT: the fields to change; those left out keep their values. */
export class PruningPolicyUpdateDto extends PartialType(PruningPolicyInputDto) {}

export class PruningPolicyDto extends PolicyDto {
  @ApiProperty({ type: String, nullable: true })
  keep_within!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_last!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_secondly!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_minutely!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_hourly!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_daily!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_weekly!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_monthly!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  keep_yearly!: number | null;

  @ApiProperty({ type: String, nullable: true })
  glob_archives!: string | null;

  @ApiProperty()
  compact_after!: boolean;
}

export class PrunePreviewRequestDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;
}

export class KeptArchiveDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'daily #1', description: 'The rule that keeps it, as borg names it' })
  rule!: string;
}

export class PrunePreviewDto {
  @ApiProperty({ type: [KeptArchiveDto] })
  keep!: KeptArchiveDto[];

  @ApiProperty({ type: [String], description: 'Archives borg would delete' })
  prune!: string[];
}

export class PruneRequestDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  pruning_policy_id!: number;

  @ApiPropertyOptional({ default: false, description: 'List what would go without deleting anything' })
  @IsOptional()
  @IsBoolean()
  dry_run?: boolean;
}
