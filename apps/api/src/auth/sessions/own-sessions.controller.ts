import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { CurrentUser } from '../authenticated-request';
import { Requires } from '../roles/requires.decorator';
import { UserEntity } from '../user.entity';
import { OwnSessionDto, RevokedSessionsDto } from './dto/own-session.dto';
import { OwnSessionsService } from './own-sessions.service';

@ApiTags('auth')
@Controller('auth/sessions')
export class OwnSessionsController {
  constructor(private readonly sessions: OwnSessionsService) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'Your sessions: where and with what each signed in, and when it was last seen' })
  @ApiEnvelope(OwnSessionDto, { isArray: true })
  list(@CurrentUser() user: UserEntity, @Req() request: Request): Promise<OwnSessionDto[]> {
    return this.sessions.list(user.id, request.sessionID);
  }

  @Requires('viewer')
  @Delete()
  @SuccessMessage('Your other sessions were ended')
  @ApiOperation({ summary: 'End all your sessions but this one' })
  @ApiEnvelope(RevokedSessionsDto)
  revokeOthers(@CurrentUser() user: UserEntity, @Req() request: Request): Promise<RevokedSessionsDto> {
    return this.sessions.revokeOthers(user.id, request.sessionID);
  }

  @Requires('viewer')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions (ending this one logs you out)' })
  @ApiNoContent()
  @ApiErrors(404)
  revoke(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<void> {
    return this.sessions.revoke(user.id, id);
  }
}
