import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../auth/roles/requires.decorator';
import { JobDto } from '../../jobs/dto/job.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors } from '../../platform/openapi/api-responses';
import { PolicyController } from '../policies/policy.controller';
import { CheckPoliciesService } from './check-policies.service';
import { CheckPolicyDto, CheckPolicyInputDto, CheckPolicyUpdateDto, CheckRequestDto } from './dto/check-policy.dto';
import { IdPipe } from '../../platform/http/id.pipe';

@ApiTags('check-policies')
@Controller('check-policies')
export class CheckPoliciesController extends PolicyController({
  kind: 'check',
  dto: CheckPolicyDto,
  input: CheckPolicyInputDto,
  changes: CheckPolicyUpdateDto,
}) {
  constructor(policies: CheckPoliciesService) {
    super(policies);
  }
}

@ApiTags('repositories')
@Controller('repositories/:id/check')
export class RepositoryCheckController {
  constructor(private readonly policies: CheckPoliciesService) {}

  @Requires('operator')
  @Post()
  @SuccessMessage('Check started')
  @ApiOperation({ summary: 'Check the repository (a job with percent progress); repair needs confirm: "repair"' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 422)
  check(@Param('id', IdPipe) id: number, @Body() body: CheckRequestDto): Promise<JobDto> {
    return this.policies.startCheck(id, body);
  }
}
