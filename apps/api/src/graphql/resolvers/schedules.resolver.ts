import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../../auth/roles/requires.decorator';
import { JobDto } from '../../jobs/dto/job.dto';
import { ScheduleDto } from '../../schedules/dto/schedule.dto';
import { SchedulesService } from '../../schedules/schedules.service';
import { listComplexity } from '../limits/query-complexity';
import { JobObject } from '../types/job.type';
import { ScheduleObject } from '../types/schedule.type';
import { DEFAULT_LIST_SIZE, listSize } from './list-size';

@Resolver(() => ScheduleObject)
export class SchedulesResolver {
  constructor(private readonly schedulesService: SchedulesService) {}

  @Requires('viewer')
  @Query(() => [ScheduleObject], {
    description: 'Schedules by name, with their next and last run',
    complexity: listComplexity(DEFAULT_LIST_SIZE),
  })
  async schedules(@Args('first', { type: () => Int, defaultValue: DEFAULT_LIST_SIZE }) first: number): Promise<ScheduleDto[]> {
    return (await this.schedulesService.list({ limit: listSize(first), offset: 0 })).items;
  }

  @Requires('operator')
  @Mutation(() => ScheduleObject, { description: 'Enable a disabled schedule or disable an enabled one' })
  toggleSchedule(@Args('id', { type: () => Int }) id: number): Promise<ScheduleDto> {
    return this.schedulesService.toggle(id);
  }

  @Requires('operator')
  @Mutation(() => JobObject, { description: 'Run the schedule now, enabled or not; CONFLICT while an earlier run is queued or running' })
  runSchedule(@Args('id', { type: () => Int }) id: number): Promise<JobDto> {
    return this.schedulesService.runNow(id);
  }
}
