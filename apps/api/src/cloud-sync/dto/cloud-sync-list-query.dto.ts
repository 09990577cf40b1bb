import { FilterSet } from '../../platform/filtering/filter-decorators';
import { ListSpec } from '../../platform/filtering/list-spec';
import { NAMED_LIST, NamedListQueryDto } from '../../platform/filtering/named-list';
import { PROVIDER_NAMES, ProviderName } from '../providers/provider';

export class CloudSyncListQueryDto extends NamedListQueryDto {
  @FilterSet(PROVIDER_NAMES, { description: 'Configurations of these providers', example: 's3,sftp' })
  provider?: ProviderName[];
}

/** A named list, and the provider (idx_cloud_sync_configs_provider). */
export const CLOUD_SYNC_LIST: ListSpec<CloudSyncListQueryDto> = {
  ...NAMED_LIST,
  filters: { ...NAMED_LIST.filters, provider: { column: 'provider', kind: 'in' } },
};
