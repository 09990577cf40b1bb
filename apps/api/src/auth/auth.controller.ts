import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { Public } from '../platform/http/public.decorator';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { AuthService } from './auth.service';
import { CurrentUser } from './authenticated-request';
import { AuthStatusDto } from './dto/auth-status.dto';
import { CredentialsDto, LoginDto } from './dto/credentials.dto';
import { UserDto } from './dto/user.dto';
import { readDeviceCookie, setDeviceCookie } from './device-cookie';
import { endSession, startSession } from './session-lifecycle';
import { SetupHostGuard } from './setup-host.guard';
import { UserEntity } from './user.entity';
import { PasswordChangeDto } from './users/dto/password-change.dto';
import { UserAccountsService } from './users/user-accounts.service';
import { Requires } from './roles/requires.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: UserAccountsService,
  ) {}

  @Public()
  @Get('status')
  @ApiOperation({ summary: 'Whether first-run setup is needed and who is logged in' })
  @ApiEnvelope(AuthStatusDto)
  status(@Req() request: Request): Promise<AuthStatusDto> {
    return this.auth.status(request.session?.userId);
  }

  @Public()
  @Post('setup')
  @UseGuards(SetupHostGuard)
  @SuccessMessage('Setup complete; you are logged in')
  @ApiOperation({ summary: 'Create the first user (only while none exists) and log in as that user' })
  @ApiEnvelope(UserDto, { status: 201 })
  @ApiErrors(403, 409, 422)
  async setup(@Body() body: CredentialsDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<UserDto> {
    const { user, deviceToken } = await this.auth.setup(body);
    await startSession(request, user.id);
    setDeviceCookie(request, response, deviceToken);
    return user;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @SuccessMessage('Logged in')
  @ApiOperation({
    summary: 'Log in; sets the session cookie',
    description:
      'Failed logins are limited per client address and, for clients without a device cookie for the account, ' +
      'per account; beyond the limit the answer is 429 with Retry-After. A successful login (or setup) also sets ' +
      '`borgitory.device`, a device cookie with which this browser is counted on its own, so that failures ' +
      'elsewhere cannot lock it out.\n\n' +
      'Two-factor sign-in: for an account that has it on, a right password without `code` answers 401 with the error ' +
      'code `TWO_FACTOR_REQUIRED` and starts no session; the client then asks for the code and sends the same body ' +
      'with `code`: the current 6-digit code of the authenticator app (the steps just before and after count too; ' +
      'each code is taken once, and none older than the last one taken) or one of the recovery codes (each works ' +
      'once). A wrong or used code answers 401 `UNAUTHORIZED`. Until a login succeeds, every attempt counts towards ' +
      'the limit above, including one with the right password that lacks the code.',
  })
  @ApiEnvelope(UserDto)
  @ApiErrors(401, 409, 422, 429)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<UserDto> {
    const origin = { address: request.ip ?? 'unknown', deviceToken: readDeviceCookie(request) };
    const { user, deviceToken } = await this.auth.login(body, origin);
    await startSession(request, user.id);
    setDeviceCookie(request, response, deviceToken);
    return user;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out; ends the session' })
  @ApiNoContent()
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    return endSession(request, response);
  }

  @Requires('viewer')
  @Get('me')
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiEnvelope(UserDto)
  @ApiErrors(401)
  me(@CurrentUser() user: UserEntity): UserDto {
    return UserDto.from(user);
  }

  @Requires('viewer')
  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; ends your other sessions' })
  @ApiNoContent()
  @ApiErrors(422)
  changePassword(@CurrentUser() user: UserEntity, @Body() body: PasswordChangeDto, @Req() request: Request): Promise<void> {
    return this.accounts.changeOwnPassword(user, body, request.sessionID);
  }
}
