import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/roles/requires.decorator';
import { APP_CONFIG, AppConfig } from '../platform/config/app-config';
import { ApiEnvelope } from '../platform/openapi/api-responses';
import { ServerSettingDto } from './server-setting.dto';
import { serverSettings } from './server-settings';

@ApiTags('server')
@Controller('server-settings')
export class ServerSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Requires('admin')
  @Get()
  @ApiOperation({
    summary: 'The server’s settings in use, from its environment',
    description:
      'Read only: each is set by its environment variable and takes effect when the server starts. Secrets say only whether they are set.',
  })
  @ApiEnvelope(ServerSettingDto, { isArray: true })
  list(): ServerSettingDto[] {
    return serverSettings(this.config);
  }
}
