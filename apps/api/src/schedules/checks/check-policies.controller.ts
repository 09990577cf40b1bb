import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../../jobs/dto/job.dto';
import { Page } from '../../platform/http/envelope';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { SuccessMessage } from '../../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../../platform/openapi/api-responses';
import { CheckPoliciesService } from './check-policies.service';
import { CheckPolicyDto, CheckPolicyInputDto, CheckRequestDto } from './dto/check-policy.dto';

@ApiTags('check-policies')
@Controller('check-policies')
export class CheckPoliciesController {
  constructor(private readonly policies: CheckPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'List check policies' })
  @ApiEnvelope(CheckPolicyDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto): Promise<Page<CheckPolicyDto>> {
    return this.policies.list(query);
  }

  @Post()
  @SuccessMessage('Check policy created')
  @ApiOperation({ summary: 'Create a check policy' })
  @ApiEnvelope(CheckPolicyDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: CheckPolicyInputDto): Promise<CheckPolicyDto> {
    return this.policies.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One check policy' })
  @ApiEnvelope(CheckPolicyDto)
  @ApiErrors(400, 404)
  get(@Param('id', ParseIntPipe) id: number): Promise<CheckPolicyDto> {
    return this.policies.get(id);
  }

  @Put(':id')
  @SuccessMessage('Check policy updated')
  @ApiOperation({ summary: 'Replace a check policy' })
  @ApiEnvelope(CheckPolicyDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', ParseIntPipe) id: number, @Body() body: CheckPolicyInputDto): Promise<CheckPolicyDto> {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a check policy' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.policies.remove(id);
  }
}

@ApiTags('repositories')
@Controller('repositories/:id/check')
export class RepositoryCheckController {
  constructor(private readonly policies: CheckPoliciesService) {}

  @Post()
  @SuccessMessage('Check started')
  @ApiOperation({ summary: 'Check the repository (a job with percent progress); repair needs confirm: "repair"' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 422)
  check(@Param('id', ParseIntPipe) id: number, @Body() body: CheckRequestDto): Promise<JobDto> {
    return this.policies.startCheck(id, body);
  }
}
