import { Injectable } from '@nestjs/common';
import { ApiError } from '../platform/http/api-error';
import { ErrorCode } from '../platform/http/error-code';
import { AuthStatusDto } from './dto/auth-status.dto';
import { CredentialsDto, LoginDto } from './dto/credentials.dto';
import { UserDto } from './dto/user.dto';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async status(userId: number | undefined): Promise<AuthStatusDto> {
    const user = userId === undefined ? null : await this.users.findById(userId);
    return {
      setup_required: !(await this.users.any()),
      authenticated: user !== null,
      user: user ? UserDto.from(user) : null,
    };
  }

  async setup(credentials: CredentialsDto): Promise<UserDto> {
    if (await this.users.any()) throw ApiError.conflict('Setup is already complete; log in instead');
    const user = await this.users.createFirst(credentials.username, await this.hasher.hash(credentials.password));
    if (!user) throw ApiError.conflict('Setup is already complete; log in instead');
    return UserDto.from(user);
  }

  async login(credentials: LoginDto, client: string): Promise<UserDto> {
    const retryAfter = this.throttle.retryAfterSeconds(client);
    if (retryAfter > 0) {
      throw new ApiError(
        429,
        ErrorCode.RATE_LIMITED,
        `Too many failed logins; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
        { retry_after_seconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    if (!(await this.users.any())) {
      throw new ApiError(409, ErrorCode.SETUP_REQUIRED, 'No user exists yet; complete the first-run setup');
    }
    const user = await this.users.findByUsername(credentials.username);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, credentials.password)
      : await this.hasher.verifyDecoy(credentials.password);
    if (!user || !valid) {
      this.throttle.recordFailure(client);
      throw ApiError.unauthorized('Invalid username or password');
    }
    this.throttle.recordSuccess(client);
    return UserDto.from(user);
  }
}
