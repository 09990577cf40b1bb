import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../jobs/dto/job.dto';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors } from '../platform/openapi/api-responses';
import { BackupsService } from './backups.service';
import { ManualBackupDto } from './dto/manual-backup.dto';
import { Requires } from '../auth/roles/requires.decorator';

@ApiTags('backups')
@Controller('backups')
export class BackupsController {
  constructor(private readonly backups: BackupsService) {}

  @Requires('operator')
  @Post('manual')
  @SuccessMessage('Backup started')
  @ApiOperation({ summary: 'Start a backup now; answers with the job (follow it at /api/v1/jobs/{id}/stream)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(422)
  manual(@Body() body: ManualBackupDto): Promise<JobDto> {
    return this.backups.startManual(body);
  }
}
