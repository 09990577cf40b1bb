import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../../jobs/dto/job.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors } from '../../platform/openapi/api-responses';
import { PolicyController } from '../policies/policy.controller';
import {
  PrunePreviewDto,
  PrunePreviewRequestDto,
  PruneRequestDto,
  PruningPolicyDto,
  PruningPolicyInputDto,
  PruningPolicyUpdateDto,
} from './dto/pruning-policy.dto';
import { PruningPoliciesService } from './pruning-policies.service';
import { Requires } from '../../auth/roles/requires.decorator';
import { IdPipe } from '../../platform/http/id.pipe';

@ApiTags('pruning-policies')
@Controller('pruning-policies')
export class PruningPoliciesController extends PolicyController({
  kind: 'pruning',
  dto: PruningPolicyDto,
  input: PruningPolicyInputDto,
  changes: PruningPolicyUpdateDto,
  createNeeds: '(at least one keep rule)',
}) {
  constructor(private readonly policies: PruningPoliciesService) {
    super(policies);
  }

  @Requires('operator')
  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the policy would keep (and by which rule) and prune in a repository: borg prune --dry-run --list' })
  @ApiEnvelope(PrunePreviewDto)
  @ApiErrors(400, 404, 409, 422)
  preview(@Param('id', IdPipe) id: number, @Body() body: PrunePreviewRequestDto): Promise<PrunePreviewDto> {
    return this.policies.preview(id, body.repository_id);
  }
}

@ApiTags('repositories')
@Controller('repositories/:id/prune')
export class RepositoryPruneController {
  constructor(private readonly policies: PruningPoliciesService) {}

  @Requires('operator')
  @Post()
  @SuccessMessage('Prune started')
  @ApiOperation({ summary: 'Prune the repository by a policy (a job; borg compact follows when the policy says so)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 422)
  prune(@Param('id', IdPipe) id: number, @Body() body: PruneRequestDto): Promise<JobDto> {
    return this.policies.startPrune(id, body);
  }
}
