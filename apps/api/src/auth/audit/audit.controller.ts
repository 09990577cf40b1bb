import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '../../platform/http/envelope';
import { ApiEnvelope, ApiErrors } from '../../platform/openapi/api-responses';
import { Requires } from '../roles/requires.decorator';
import { AuditLog } from './audit-log';
import { AuditActionDto, AuditEntryDto, AuditQueryDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  @Requires('admin')
  @Get()
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description:
      'Every change and every sensitive read (a download, a key export): who, when, from where, what and how it ended. ' +
      'Kept for BORGITORY_AUDIT_RETENTION_DAYS (365).',
  })
  @ApiEnvelope(AuditEntryDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.log.list(query);
  }

  @Requires('admin')
  @Get('actions')
  @ApiOperation({
    summary: 'The operations the audit trail holds, with how many entries each',
    description: 'For a filter by action: each is a value `action` of GET /api/v1/audit accepts.',
  })
  @ApiEnvelope(AuditActionDto, { isArray: true })
  actions(): Promise<AuditActionDto[]> {
    return this.log.actions();
  }
}
