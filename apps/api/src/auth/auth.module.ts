import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionAuthGuard } from './session-auth.guard';
import { SessionEntity } from './session.entity';
import { SessionMiddleware } from './session.middleware';
import { DatabaseSessionStore } from './session-store';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersService,
    PasswordHasher,
    { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
    DatabaseSessionStore,
    SessionMiddleware,
    { provide: APP_GUARD, useClass: SessionAuthGuard },
  ],
  exports: [SessionMiddleware],
})
export class AuthModule {}
