import { Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../../jobs/dto/job.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors } from '../../platform/openapi/api-responses';
import { CompactService } from './compact.service';
import { Requires } from '../../auth/roles/requires.decorator';
import { IdPipe } from '../../platform/http/id.pipe';

@ApiTags('repositories')
@Controller('repositories/:id/compact')
export class RepositoryCompactController {
  constructor(private readonly compact: CompactService) {}

  @Requires('operator')
  @Post()
  @SuccessMessage('Compact started')
  @ApiOperation({ summary: 'Compact the repository (a job: borg compact frees the space of deleted archives)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404)
  start(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.compact.start(id);
  }
}
