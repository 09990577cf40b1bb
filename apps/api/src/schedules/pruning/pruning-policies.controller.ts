import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../../jobs/dto/job.dto';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import {
  PrunePreviewDto,
  PrunePreviewRequestDto,
  PruneRequestDto,
  PruningPolicyDto,
  PruningPolicyInputDto,
} from './dto/pruning-policy.dto';
import { PruningPoliciesService } from './pruning-policies.service';

@ApiTags('pruning-policies')
@Controller('pruning-policies')
export class PruningPoliciesController {
  constructor(private readonly policies: PruningPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'List pruning policies' })
  @ApiEnvelope(PruningPolicyDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto): Promise<Page<PruningPolicyDto>> {
    return this.policies.list(query);
  }

  @Post()
  @SuccessMessage('Pruning policy created')
  @ApiOperation({ summary: 'Create a pruning policy (at least one keep rule)' })
  @ApiEnvelope(PruningPolicyDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: PruningPolicyInputDto): Promise<PruningPolicyDto> {
    return this.policies.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One pruning policy' })
  @ApiEnvelope(PruningPolicyDto)
  @ApiErrors(400, 404)
  get(@Param('id', ParseIntPipe) id: number): Promise<PruningPolicyDto> {
    return this.policies.get(id);
  }

  @Put(':id')
  @SuccessMessage('Pruning policy updated')
  @ApiOperation({ summary: 'Replace a pruning policy' })
  @ApiEnvelope(PruningPolicyDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', ParseIntPipe) id: number, @Body() body: PruningPolicyInputDto): Promise<PruningPolicyDto> {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a pruning policy' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.policies.remove(id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the policy would keep (and by which rule) and prune in a repository: borg prune --dry-run --list' })
  @ApiEnvelope(PrunePreviewDto)
  @ApiErrors(400, 404, 409, 422)
  preview(@Param('id', ParseIntPipe) id: number, @Body() body: PrunePreviewRequestDto): Promise<PrunePreviewDto> {
    return this.policies.preview(id, body.repository_id);
  }
}

@ApiTags('repositories')
@Controller('repositories/:id/prune')
export class RepositoryPruneController {
  constructor(private readonly policies: PruningPoliciesService) {}

  @Post()
  @SuccessMessage('Prune started')
  @ApiOperation({ summary: 'Prune the repository by a policy (a job; borg compact follows when the policy says so)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 422)
  prune(@Param('id', ParseIntPipe) id: number, @Body() body: PruneRequestDto): Promise<JobDto> {
    return this.policies.startPrune(id, body);
  }
}
