import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../../auth/roles/requires.decorator';
import { CloudSyncConfigsService } from '../../cloud-sync/cloud-sync-configs.service';
import { CloudSyncConfigDto } from '../../cloud-sync/dto/cloud-sync-config.dto';
import { OverviewDto } from '../../overview/dto/overview.dto';
import { OverviewService } from '../../overview/overview.service';
import { listComplexity } from '../limits/query-complexity';
import { CloudSyncConfigObject } from '../types/cloud-sync-config.type';
import { OverviewObject } from '../types/overview.type';
import { DEFAULT_LIST_SIZE, listSize } from './list-size';

/** The root fields that are one service call each: the dashboard's summary and the cloud sync configurations. */
@Resolver()
export class OverviewResolver {
  constructor(
    private readonly overviewService: OverviewService,
    private readonly cloudSyncConfigsService: CloudSyncConfigsService,
  ) {}

  @Requires('viewer')
  @Query(() => OverviewObject, { description: "The dashboard's summary: every repository's health, the totals, the running jobs" })
  overview(): Promise<OverviewDto> {
    return this.overviewService.overview();
  }

  @Requires('viewer')
  @Query(() => [CloudSyncConfigObject], { description: 'Cloud sync configurations by name', complexity: listComplexity(DEFAULT_LIST_SIZE) })
  async cloudSyncConfigs(
    @Args('first', { type: () => Int, defaultValue: DEFAULT_LIST_SIZE }) first: number,
  ): Promise<CloudSyncConfigDto[]> {
    return (await this.cloudSyncConfigsService.list({ limit: listSize(first), offset: 0 })).items;
  }
}
