import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CredentialsDto {
  @ApiProperty({ example: 'admin', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._@-]+$/, { message: 'username may only contain letters, digits and . _ @ -' })
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 8, maxLength: 1024, writeOnly: true })
  @IsString()
  @MinLength(8)
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
}
