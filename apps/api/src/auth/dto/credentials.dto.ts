import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../password-policy';

export class CredentialsDto {
  @ApiProperty({ example: 'admin', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._@-]+$/, { message: 'username may only contain letters, digits and . _ @ -' })
  username!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 1024,
    writeOnly: true,
    description: 'Refused (422, with the reason under `password`) when a strength estimator rates it easy to guess',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters long` })
  @MaxLength(1024)
  password!: string;
}

/** Logging in checks only what was stored; the rules for new passwords do not apply. */
export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple', writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({
    example: '492039',
    writeOnly: true,
    description:
      'For an account with two-factor sign-in on: the current 6-digit code of its authenticator app, or one of its ' +
      'recovery codes (each works once). Ignored for other accounts.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}
