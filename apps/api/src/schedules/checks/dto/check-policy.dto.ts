import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PolicyDto, PolicyNameProperty } from '../../policies/policy.dto';
import { CHECK_SCOPES, CheckScope } from '../check-policy.entity';
import { SchemaRules } from '../../../platform/openapi/schema-rules.decorator';

const MAX_ARCHIVES = 100_000;
const MAX_DURATION = 7 * 24 * 3600;

/** Both fields given, as values (null is the same as left out). */
const both = (first: string, firstSchema: object, second: string, secondSchema: object) => ({
  not: { required: [first, second], properties: { [first]: firstSchema, [second]: secondSchema } },
});
const REPOSITORY_ONLY = { enum: ['repository_only'] };

/** The body of POST. checkPolicyProblems refuses the combinations borg refuses; the schema says the same. */
@SchemaRules({
  allOf: [
    both('first', { type: 'integer' }, 'last', { type: 'integer' }),
    both('scope', REPOSITORY_ONLY, 'verify_data', { enum: [true] }),
    both('scope', REPOSITORY_ONLY, 'first', { type: 'integer' }),
    both('scope', REPOSITORY_ONLY, 'last', { type: 'integer' }),
    both('scope', REPOSITORY_ONLY, 'glob_archives', { type: 'string' }),
    both('scope', { enum: ['full', 'archives_only'] }, 'max_duration', { type: 'integer' }),
  ],
})
export class CheckPolicyInputDto {
  @PolicyNameProperty('Weekly full check')
  name!: string;

  @ApiProperty({ enum: CHECK_SCOPES, enumName: 'CheckScope', description: 'full: repository and archives' })
  @IsIn(CHECK_SCOPES)
  scope!: CheckScope;

  @ApiPropertyOptional({ default: false, description: 'Read and verify every data chunk (slow); not with repository_only' })
  @IsOptional()
  @IsBoolean()
  verify_data?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_DURATION,
    description: 'repository_only: stop after this many seconds; the next check goes on from there',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION)
  max_duration?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only archives matching this shell pattern' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  glob_archives?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_ARCHIVES, description: 'Only the first N archives' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ARCHIVES)
  first?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_ARCHIVES, description: 'Only the last N archives' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ARCHIVES)
  last?: number | null;
}

/** The body of PUT: the fields to change; those left out keep their values (the other rules apply to the result). */
@SchemaRules({ allOf: [both('first', { type: 'integer' }, 'last', { type: 'integer' })] })
export class CheckPolicyUpdateDto extends PartialType(CheckPolicyInputDto) {}

export class CheckPolicyDto extends PolicyDto {
  @ApiProperty({ enum: CHECK_SCOPES, enumName: 'CheckScope' })
  scope!: CheckScope;

  @ApiProperty()
  verify_data!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  max_duration!: number | null;

  @ApiProperty({ type: String, nullable: true })
  glob_archives!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  first!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  last!: number | null;
}

export class CheckRequestDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The checks to run; without one, a full check' })
  @IsOptional()
  @IsInt()
  @Min(1)
  check_policy_id?: number;

  @ApiPropertyOptional({ default: false, description: 'borg check --repair: can lose data it cannot mend; needs confirm: "repair"' })
  @IsOptional()
  @IsBoolean()
  repair?: boolean;

  @ApiPropertyOptional({ description: 'Must be "repair" when repair is true' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  confirm?: string;
}
