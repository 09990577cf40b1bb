import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptsMetricsToken } from '../../auth/metrics-token';
import { ApiErrors } from '../../platform/openapi/api-responses';
import { BorgitoryMetrics } from './borgitory-metrics';
import { Requires } from '../../auth/roles/requires.decorator';

/** Outside /api (create-app.ts leaves it out of the prefix): where Prometheus looks by default. */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: BorgitoryMetrics) {}

  @Requires('viewer')
  @Get()
  @AcceptsMetricsToken()
  @ApiOperation({
    summary: 'Prometheus metrics in the text format: repositories, jobs, the process',
    description:
      'A session, or `Authorization: Bearer <BORGITORY_METRICS_TOKEN>`. See docs/configuration.md, "Monitoring with Prometheus".',
  })
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiErrors(401)
  async scrape(): Promise<StreamableFile> {
    const { contentType, text } = await this.metrics.scrape();
    return new StreamableFile(Buffer.from(text, 'utf8'), { type: contentType });
  }
}
