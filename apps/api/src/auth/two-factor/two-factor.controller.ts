import { Body, Controller, Delete, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { CurrentUser } from '../authenticated-request';
import { Requires } from '../roles/requires.decorator';
import { UserEntity } from '../user.entity';
import { RecoveryCodesDto, TwoFactorCodeDto, TwoFactorDisableDto, TwoFactorEnrolmentDto } from './dto/two-factor.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Controller('auth/two-factor')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Requires('viewer')
  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @SuccessMessage('Add the account to your authenticator app, then confirm with its current code')
  @ApiOperation({
    summary: 'Start turning on two-factor sign-in: a new TOTP secret for an authenticator app',
    description:
      'The secret stays pending (and sign-in unchanged) until POST /api/v1/auth/two-factor/confirm proves that an ' +
      'authenticator holds it; starting again replaces a pending secret. 409 while two-factor sign-in is on.',
  })
  @ApiEnvelope(TwoFactorEnrolmentDto)
  @ApiErrors(409)
  start(@CurrentUser() user: UserEntity): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.start(user);
  }

  @Requires('viewer')
  @Post('confirm')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @SuccessMessage('Two-factor sign-in is on; keep the recovery codes somewhere safe')
  @ApiOperation({
    summary: 'Turn on two-factor sign-in with a code from the pending secret; answers the recovery codes once',
    description: 'A wrong code is 422 (under `code`); no enrolment under way, or two-factor sign-in already on, is 409.',
  })
  @ApiEnvelope(RecoveryCodesDto)
  @ApiErrors(409, 422)
  confirm(@CurrentUser() user: UserEntity, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(user, body.code);
  }

  @Requires('viewer')
  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn off your two-factor sign-in (or drop an enrolment under way); asks for your password',
    description: 'A wrong password is 422 (under `password`); 409 when two-factor sign-in is off. The recovery codes are deleted.',
  })
  @ApiNoContent()
  @ApiErrors(409, 422)
  disable(@CurrentUser() user: UserEntity, @Body() body: TwoFactorDisableDto): Promise<void> {
    return this.twoFactor.disableOwn(user, body.password);
  }
}
