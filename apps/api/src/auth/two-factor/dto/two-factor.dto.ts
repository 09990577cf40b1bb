import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RECOVERY_CODE_COUNT } from '../recovery-codes';

export class TwoFactorEnrolmentDto {
  @ApiProperty({
    example: 'otpauth://totp/Borgitory:alice?issuer=Borgitory&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    description: 'For an authenticator app: the same as the QR code',
  })
  otpauth_uri!: string;

  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'The secret in base32, to type in by hand' })
  secret!: string;

  @ApiProperty({ example: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0…', description: 'The otpauth URI as a QR code: an SVG data URL' })
  qr_code!: string;
}

export class TwoFactorCodeDto {
  @ApiProperty({ example: '492039', description: 'The current 6-digit code of the authenticator app' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    example: ['7k2m-9qfd-x3rt-b8wa', 'c4vn-2hp0-qz7e-m1sd'],
    description: `${RECOVERY_CODE_COUNT} codes, each good for one login without the authenticator; shown this once only`,
  })
  recovery_codes!: string[];
}

export class TwoFactorDisableDto {
  @ApiProperty({ example: 'correct horse battery staple', writeOnly: true, description: 'Your current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}
