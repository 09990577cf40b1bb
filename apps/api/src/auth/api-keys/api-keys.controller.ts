import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { CurrentPrincipal, CurrentUser, Principal } from '../authenticated-request';
import { Requires } from '../roles/requires.decorator';
import { UserEntity } from '../user.entity';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { IdPipe } from '../../platform/http/id.pipe';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'List your API keys (not revoked ones); never the keys themselves' })
  @ApiEnvelope(ApiKeyDto, { paginated: true })
  @ApiErrors(400)
  list(@CurrentUser() user: UserEntity, @Query() query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.list(user.id, query);
  }

  @Requires('viewer')
  @Post()
  @SuccessMessage('API key created')
  @ApiOperation({
    summary: 'Create an API key; the answer shows it once',
    description:
      'Send the key as `Authorization: Bearer <key>`: it acts as you, with the lesser of its scope and your role. ' +
      'A scope above your role (with a key: above what that key acts as) or an expiry in the past is refused with 422.',
  })
  @ApiEnvelope(CreatedApiKeyDto, { status: 201 })
  @ApiErrors(422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(principal, body);
  }

  @Requires('viewer')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API keys; it is refused from the next request on' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  revoke(@CurrentUser() user: UserEntity, @Param('id', IdPipe) id: number): Promise<void> {
    return this.apiKeys.revoke(user.id, id);
  }
}
