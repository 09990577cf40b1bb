import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretsService } from '../platform/secrets/secrets.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSettings } from './auth-settings';
import { DeviceTokens } from './device-tokens';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { SessionAuthGuard } from './session-auth.guard';
import { SessionEntity } from './session.entity';
import { SessionMiddleware } from './session.middleware';
import { DatabaseSessionStore } from './session-store';
import { UserEntity } from './user.entity';
import { OwnSessionsController } from './sessions/own-sessions.controller';
import { OwnSessionsService } from './sessions/own-sessions.service';
import { RecoveryCodeEntity } from './two-factor/recovery-code.entity';
import { TwoFactorController } from './two-factor/two-factor.controller';
import { TwoFactorService } from './two-factor/two-factor.service';
import { UsersService } from './users.service';
import { UserAccountsService } from './users/user-accounts.service';
import { UsersController } from './users/users.controller';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, RecoveryCodeEntity])],
  controllers: [AuthController, UsersController, OwnSessionsController, TwoFactorController],
  providers: [
    AuthService,
    UsersService,
    UserAccountsService,
    OwnSessionsService,
    TwoFactorService,
    PasswordHasher,
    PasswordPolicy,
    AuthSettings,
    { provide: LoginThrottle, inject: [AuthSettings], useFactory: (settings: AuthSettings) => new LoginThrottle(settings) },
    { provide: DeviceTokens, inject: [SecretsService], useFactory: (secrets: SecretsService) => new DeviceTokens(secrets) },
    DatabaseSessionStore,
    SessionMiddleware,
    { provide: APP_GUARD, useClass: SessionAuthGuard },
  ],
  exports: [SessionMiddleware],
})
export class AuthModule {}
