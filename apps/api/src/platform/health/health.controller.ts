import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
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
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Borgitory is not healthy', { ...health });
    }
    return health;
  }
}
