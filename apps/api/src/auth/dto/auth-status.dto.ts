import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto';

export class SingleSignOnDto {
  @ApiProperty({ example: 'Authentik', description: 'The provider, as the button names it' })
  name!: string;

  @ApiProperty({ example: '/api/v1/auth/oidc/login', description: 'Where the browser goes to sign in (a redirect to the provider)' })
  login_url!: string;
}

export class AuthStatusDto {
  @ApiProperty({ description: 'True until the first user has been created with POST /api/v1/auth/setup' })
  setup_required!: boolean;

  @ApiProperty()
  authenticated!: boolean;

  @ApiProperty({ type: UserDto, nullable: true })
  user!: UserDto | null;

  @ApiProperty({
    type: SingleSignOnDto,
    nullable: true,
    description: 'OpenID Connect sign-in, when configured: the login page offers "Sign in with <name>"',
  })
  single_sign_on!: SingleSignOnDto | null;

  @ApiProperty({ description: 'Whether POST /api/v1/auth/login accepts passwords (BORGITORY_PASSWORD_LOGIN)' })
  password_login!: boolean;
}
