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
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
} from 'class-validator';
import { hookEnvProblem, MAX_ENV_ENTRIES, MAX_ENV_VALUE_LENGTH } from '../hooks/hook-environment';

export const DEFAULT_HOOK_TIMEOUT_SECONDS = 600;
const MAX_HOOK_TIMEOUT_SECONDS = 24 * 3600;

function IsHookEnv() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isHookEnv',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => hookEnvProblem(value) === null,
        defaultMessage: (args) => hookEnvProblem(args?.value) ?? 'Invalid env',
      },
    });
}

/** With shell, the command is one line for /bin/sh -c. */
function FitsShellSetting() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'fitsShellSetting',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args) =>
          !((args?.object as { shell?: unknown }).shell === true && Array.isArray(value) && value.length !== 1),
        defaultMessage: () => 'With shell, command is one element: the line for /bin/sh -c',
      },
    });
}

/** A command run before or after a schedule's backup. */
export class ScheduleHookDto {
  @ApiProperty({ example: 'Dump the database', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['pg_dump', '--file=/var/backups/app.sql', 'app'],
    description: 'The program and its arguments (no shell); with shell: true, one element, the line for /bin/sh -c',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 10_000, { each: true })
  @FitsShellSetting()
  command!: string[];

  @ApiPropertyOptional({ default: false, description: 'Run command[0] with /bin/sh -c (pipes, redirections, variables)' })
  @IsOptional()
  @IsBoolean()
  shell?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: DEFAULT_HOOK_TIMEOUT_SECONDS, minimum: 1, maximum: MAX_HOOK_TIMEOUT_SECONDS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HOOK_TIMEOUT_SECONDS)
  timeout_seconds?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'A failure (exit code not 0, timeout) stops the run (pre-hook) or fails it (post-hook); otherwise it is a warning',
  })
  @IsOptional()
  @IsBoolean()
  critical?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Post-hooks only: run also after a failed or cancelled run' })
  @IsOptional()
  @IsBoolean()
  run_on_failure?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_ENV_VALUE_LENGTH },
    maxProperties: MAX_ENV_ENTRIES,
    example: { PGHOST: 'localhost' },
    description:
      'Added to the environment. Not secret: the API shows it. Names are letters, digits and _, not starting with a digit, ' +
      'at most 100 characters (^[A-Za-z_][A-Za-z0-9_]{0,99}$); names starting with BORGITORY_ (in any case) are reserved; values have no NUL',
  })
  @IsOptional()
  @IsHookEnv()
  env?: Record<string, string>;
}

export class PreHookDto extends ScheduleHookDto {
  @ApiPropertyOptional({ enum: [false], default: false, description: 'Only post-hooks run on failure' })
  @IsIn([false, undefined], { message: 'Only post-hooks run on failure; a pre-hook runs before anything can fail' })
  declare run_on_failure?: boolean;
}

/** As stored, with the defaults filled in. */
export class ScheduleHookViewDto {
  @ApiProperty({ example: 'Dump the database' })
  name!: string;

  @ApiProperty({ type: [String], example: ['pg_dump', '--file=/var/backups/app.sql', 'app'] })
  command!: string[];

  @ApiProperty()
  shell!: boolean;

  @ApiProperty({ type: 'integer', example: DEFAULT_HOOK_TIMEOUT_SECONDS })
  timeout_seconds!: number;

  @ApiProperty()
  critical!: boolean;

  @ApiProperty()
  run_on_failure!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  env!: Record<string, string>;
}
