import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../http/api-error';
import { ErrorCode } from '../http/error-code';
import { Public } from '../http/public.decorator';
import { ApiEnvelope, ApiErrors } from '../openapi/api-responses';
import { HealthDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the database and the borg binary are usable (503 when not)' })
  @ApiEnvelope(HealthDto)
  @ApiErrors(503)
  async check(): Promise<HealthDto> {
    const health = await this.health.check();
    if (health.status !== 'ok') {
      throw new ApiError(503, ErrorCode.SERVICE_UNAVAILABLE, 'Borgitory is not healthy', { ...health });
    }
    return health;
  }
}
