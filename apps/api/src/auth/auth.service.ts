import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { AuthStatusDto } from './dto/auth-status.dto';
import { CredentialsDto, LoginDto } from './dto/credentials.dto';
import { UserDto } from './dto/user.dto';
import { DeviceTokens } from './device-tokens';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { TwoFactorService } from './two-factor/two-factor.service';
import { UsersService } from './users.service';

/** Where a login comes from: the client's address and the device token its browser holds, if any. */
export interface LoginOrigin {
  address: string;
  deviceToken: string | undefined;
}

/** The user who is now logged in, and a new device token for their browser. */
export interface Authenticated {
  user: UserDto;
  deviceToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly devices: DeviceTokens,
    private readonly passwords: PasswordPolicy,
    private readonly twoFactor: TwoFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(userId: number | undefined): Promise<AuthStatusDto> {
    const user = userId === undefined ? null : await this.users.findById(userId);
    return {
      setup_required: !(await this.users.any()),
      authenticated: user !== null,
      user: user ? UserDto.from(user) : null,
      single_sign_on: this.config.oidc ? { name: this.config.oidc.name, login_url: '/api/v1/auth/oidc/login' } : null,
      password_login: this.config.passwordLogin,
    };
  }

  async setup(credentials: CredentialsDto): Promise<Authenticated> {
    if (await this.users.any()) throw DomainError.conflict('Setup is already complete; log in instead');
    const weakness = this.passwords.weakness(credentials.password, credentials.username);
    if (weakness) throw DomainError.invalidInput({ password: [weakness] });
    const user = await this.users.createFirst(credentials.username, await this.hasher.hash(credentials.password));
    if (!user) throw DomainError.conflict('Setup is already complete; log in instead');
    return { user: UserDto.from(user), deviceToken: this.devices.issue(user.id) };
  }

  async login(credentials: LoginDto, origin: LoginOrigin): Promise<Authenticated> {
    if (!this.config.passwordLogin) {
      throw DomainError.forbidden(`Sign-in with a password is switched off; sign in with ${this.config.oidc?.name ?? 'single sign-on'}`);
    }
    if (!(await this.users.any())) {
      throw new DomainError(ErrorCode.SETUP_REQUIRED, 'No user exists yet; complete the first-run setup');
    }
    const user = await this.users.findByUsername(credentials.username);
    const attempt = this.throttle.begin({
      address: origin.address,
      account: credentials.username,
      deviceId: user ? this.devices.deviceOf(origin.deviceToken, user.id) : null,
    });
    if (!attempt.allowed) {
      const { retryAfterSeconds } = attempt;
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
        { retry_after_seconds: retryAfterSeconds },
        retryAfterSeconds,
      );
    }
    const valid = user
      ? await this.hasher.verify(user.passwordHash, credentials.password)
      : await this.hasher.verifyDecoy(credentials.password);
    // Nothing to record: the attempt has counted as a failure since it was let through. So does a right password
    // without the right second factor: otherwise a known password would reset the count between guesses of codes.
    if (!user || !valid) throw DomainError.unauthorized('Invalid username or password');
    await this.twoFactor.verifyLogin(user, credentials.code);
    attempt.succeeded();
    return { user: UserDto.from(user), deviceToken: this.devices.issue(user.id) };
  }
}
