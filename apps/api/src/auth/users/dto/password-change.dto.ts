import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../password-policy';

export class PasswordChangeDto {
  @ApiProperty({ example: 'correct horse battery staple', writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  old_password!: string;

  @ApiProperty({
    example: 'grape kettle orbit sunlamp',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 1024,
    writeOnly: true,
    description: 'Refused (422, with the reason under `new_password`) when a strength estimator rates it easy to guess',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `new_password must be at least ${MIN_PASSWORD_LENGTH} characters long` })
  @MaxLength(1024)
  new_password!: string;
}
