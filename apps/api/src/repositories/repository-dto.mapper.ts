import { isRemoteLocation } from '@borgitory/borg-runner';
import { RepositoryDto } from './dto/repository.dto';
import { RepositoryEntity } from './repository.entity';

export function toRepositoryDto(repository: RepositoryEntity): RepositoryDto {
  return {
    id: repository.id,
    name: repository.name,
    path: repository.path,
    encryption: repository.encryption,
    has_passphrase: repository.passphraseSecret !== null,
    is_remote: isRemoteLocation(repository.path),
    ssh_key_source: repository.sshKeySource,
    ssh_host_key_policy: repository.sshHostKeyPolicy,
    archives_count: repository.archivesCount,
    original_size: repository.originalSize,
    compressed_size: repository.compressedSize,
    deduplicated_size: repository.deduplicatedSize,
    last_archive_at: repository.lastArchiveAt?.toISOString() ?? null,
    stats_updated_at: repository.statsUpdatedAt?.toISOString() ?? null,
    max_age_hours: repository.maxAgeHours,
    newest_archive_at: iso(repository.newestArchiveAt),
    overdue: repository.overdueSince !== null,
    overdue_since: iso(repository.overdueSince),
    archive_expected_by: iso(repository.archiveExpectedBy),
    expectation: repository.expectation,
    unreachable_since: iso(repository.unreachableSince),
    low_space_since: iso(repository.lowSpaceSince),
    created_at: repository.createdAt.toISOString(),
    updated_at: repository.updatedAt.toISOString(),
  };
}

function iso(time: Date | null): string | null {
  return time?.toISOString() ?? null;
}
