import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../../auth/authenticated-request';
import { Requires } from '../../auth/roles/requires.decorator';
import { ApiEnvelope } from '../../platform/openapi/api-responses';
import { RestoreRootsDto } from './restore-roots.dto';
import { RestoreRoots } from './restore-roots';

@ApiTags('archives')
@Controller('restore-roots')
export class RestoreRootsController {
  constructor(private readonly restoreRoots: RestoreRoots) {}

  @Requires('operator')
  @Get()
  @ApiOperation({
    summary: 'Where the signed-in user may restore to',
    description: 'Operators restore only inside these directories (BORGITORY_RESTORE_ROOTS); admins anywhere.',
  })
  @ApiEnvelope(RestoreRootsDto)
  get(@CurrentPrincipal() principal: Principal): RestoreRootsDto {
    const roots = this.restoreRoots.rootsFor(principal.role);
    return { anywhere: roots === null, roots: roots ?? [] };
  }
}
