import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { SecretsService } from '../platform/secrets/secrets.service';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeyAuthenticator } from './api-keys/api-key-authenticator';
import { ApiKeyRateLimit } from './api-keys/api-key-rate-limit';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditLog } from './audit/audit-log';
import { AuditRetention } from './audit/audit-retention';
import { AuditTrail } from './audit/audit-trail';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth.controller';
import { OidcClient } from './oidc/oidc-client';
import { OidcSignIn } from './oidc/oidc-sign-in';
import { OidcController } from './oidc/oidc.controller';
import { AuthService } from './auth.service';
import { AuthSettings } from './auth-settings';
import { DeviceTokens } from './device-tokens';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { RequestAuthenticator } from './request-authenticator';
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
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, AuditEntryEntity, ApiKeyEntity, RecoveryCodeEntity])],
  controllers: [
    AuthController,
    UsersController,
    OwnSessionsController,
    AuditController,
    ApiKeysController,
    TwoFactorController,
    OidcController,
  ],
  providers: [
    AuthService,
    UsersService,
    UserAccountsService,
    OwnSessionsService,
    AuditLog,
    OidcClient,
    OidcSignIn,
    AuditTrail,
    AuditRetention,
    TwoFactorService,
    PasswordHasher,
    PasswordPolicy,
    AuthSettings,
    { provide: LoginThrottle, inject: [AuthSettings], useFactory: (settings: AuthSettings) => new LoginThrottle(settings) },
    { provide: DeviceTokens, inject: [SecretsService], useFactory: (secrets: SecretsService) => new DeviceTokens(secrets) },
    ApiKeysService,
    ApiKeyAuthenticator,
    { provide: ApiKeyRateLimit, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ApiKeyRateLimit(config.apiKeyRateLimit) },
    DatabaseSessionStore,
    SessionMiddleware,
    RequestAuthenticator,
    { provide: APP_GUARD, useClass: SessionAuthGuard },
  ],
  exports: [SessionMiddleware, AuditTrail, AuditLog, RequestAuthenticator],
})
export class AuthModule {}
