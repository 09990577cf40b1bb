import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RepositoryEntity } from '../repository.entity';

/** A repository as the dashboard and /metrics see it: its figures and the monitor's verdict, never its secrets. */
export type RepositorySummary = Pick<
  RepositoryEntity,
  | 'id'
  | 'name'
  | 'archivesCount'
  | 'originalSize'
  | 'compressedSize'
  | 'deduplicatedSize'
  | 'statsUpdatedAt'
  | 'maxAgeHours'
  | 'newestArchiveAt'
  | 'overdueSince'
  | 'archiveExpectedBy'
  | 'expectation'
  | 'unreachableSince'
  | 'lowSpaceSince'
>;

const COLUMNS: (keyof RepositorySummary)[] = [
  'id',
  'name',
  'archivesCount',
  'originalSize',
  'compressedSize',
  'deduplicatedSize',
  'statsUpdatedAt',
  'maxAgeHours',
  'newestArchiveAt',
  'overdueSince',
  'archiveExpectedBy',
  'expectation',
  'unreachableSince',
  'lowSpaceSince',
];

/** Every repository's stored figures and monitor state, in one query. */
@Injectable()
export class RepositorySummaries {
  constructor(@InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>) {}

  all(): Promise<RepositorySummary[]> {
    return this.repositories.find({ select: COLUMNS, order: { id: 'ASC' } });
  }
}
